-- Percentage rounded half up, computed in DOUBLE so DuckDB, Spark and Trino give the same integer.
SELECT
    database,
    collection,
    exported_count,
    mismatched_timestamps_earlier_in_export_count,
    CAST(FLOOR(CAST(mismatched_timestamps_earlier_in_export_count AS DOUBLE) * 100 / CAST(exported_count AS DOUBLE) + 0.5) AS INTEGER) AS percentage_mismatched
FROM {{counts_table}}
WHERE mismatched_timestamps_earlier_in_export_count > 0
ORDER BY database, collection
