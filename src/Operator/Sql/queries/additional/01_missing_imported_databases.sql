SELECT database
FROM (
    SELECT database, SUM(imported_count) AS total_imported_count, SUM(exported_count) AS total_exported_count
    FROM {{counts_table}}
    GROUP BY database
) database_totals
WHERE total_exported_count > 0
  AND total_imported_count = 0
ORDER BY database
