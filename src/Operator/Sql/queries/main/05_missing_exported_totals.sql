SELECT SUM(missing_exported_count) AS missing_exported_count
FROM {{counts_table}}
WHERE missing_exported_count > 0
  AND imported_count > 0
  AND missing_exported_count <> imported_count
