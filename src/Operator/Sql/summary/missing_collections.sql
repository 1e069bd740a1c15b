-- Collections with imports but no exports, including those of wholly missing databases.
SELECT database, collection
FROM {{counts_table}}
WHERE imported_count > 0
  AND exported_count = 0
ORDER BY database, collection
