SELECT database, collection, imported_count, latest_import_timestamp, earliest_import_timestamp
FROM {{counts_table}}
WHERE imported_count > 0
ORDER BY database, collection
