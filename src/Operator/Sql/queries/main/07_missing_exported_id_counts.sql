-- Percentage rounded half up, computed in DOUBLE so DuckDB, Spark and Trino give the same integer.
SELECT
    database,
    collection,
    imported_count,
    missing_exported_count,
    CAST(FLOOR(CAST(missing_exported_count AS DOUBLE) * 100 / CAST(imported_count AS DOUBLE) + 0.5) AS INTEGER) AS percentage_missing
FROM {{counts_table}}
WHERE missing_exported_count > 0
  AND imported_count > 0
  AND missing_exported_count <> imported_count
ORDER BY missing_exported_count DESC, database, collection
