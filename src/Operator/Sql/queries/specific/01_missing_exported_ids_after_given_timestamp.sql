SELECT id, database, collection, import_timestamp, import_component, import_type
FROM {{missing_exports_table}}
WHERE import_timestamp >= {{window_start_ms}}
ORDER BY database, collection, id
