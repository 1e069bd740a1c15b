SELECT SUM(missing_imported_count) AS missing_imported_count
FROM {{counts_table}}
WHERE missing_imported_count > 0
  AND exported_count > 0
  AND missing_imported_count <> exported_count
