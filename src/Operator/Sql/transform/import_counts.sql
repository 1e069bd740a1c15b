-- Per (database, collection), the de-duplicated import side's count, its ids seen more than once, and its timestamp
-- range.
SELECT
    database,
    collection,
    COUNT(*) AS imported_count,
    COUNT(CASE WHEN import_line_count > 1 THEN 1 END) AS duplicate_imported_count,
    MAX(import_timestamp) AS latest_import_timestamp,
    MIN(import_timestamp) AS earliest_import_timestamp
FROM import_keys
GROUP BY database, collection
