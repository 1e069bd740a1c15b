-- Per (database, collection), the de-duplicated import side's count and timestamp range.
SELECT
    database,
    collection,
    COUNT(*) AS imported_count,
    MAX(import_timestamp) AS latest_import_timestamp,
    MIN(import_timestamp) AS earliest_import_timestamp
FROM import_side
GROUP BY database, collection
