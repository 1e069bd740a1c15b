-- Percentage rounded half up, computed in DOUBLE so DuckDB, Spark and Trino give the same integer.
SELECT
    database,
    collection,
    imported_count,
    mismatched_timestamps_earlier_in_import_count,
    CAST(FLOOR(CAST(mismatched_timestamps_earlier_in_import_count AS DOUBLE) * 100 / CAST(imported_count AS DOUBLE) + 0.5) AS INTEGER) AS percentage_mismatched
FROM {{counts_table}}
WHERE mismatched_timestamps_earlier_in_import_count > 0
ORDER BY database, collection
