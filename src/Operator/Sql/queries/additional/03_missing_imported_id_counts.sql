-- Percentage rounded half up, computed in DOUBLE so DuckDB, Spark and Trino give the same integer.
SELECT
    database,
    collection,
    exported_count,
    missing_imported_count,
    CAST(FLOOR(CAST(missing_imported_count AS DOUBLE) * 100 / CAST(exported_count AS DOUBLE) + 0.5) AS INTEGER) AS percentage_missing
FROM {{counts_table}}
WHERE missing_imported_count > 0
  AND exported_count > 0
  AND missing_imported_count <> exported_count
ORDER BY missing_imported_count DESC, database, collection
