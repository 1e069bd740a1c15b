-- Per (database, collection) over ALL joined rows, in one pass: the counts table's figures plus how many ids are
-- present on both sides (which decides the collections the detail tables are restricted to).
SELECT
    database,
    collection,
    COUNT(import_timestamp) AS imported_count,
    COUNT(export_timestamp) AS exported_count,
    COUNT(CASE
        WHEN export_timestamp IS NOT NULL AND LOWER(export_component) IN ('hdi', 'k2hb') THEN 1
    END) AS exported_count_from_data_load,
    COUNT(CASE
        WHEN export_timestamp IS NOT NULL AND LOWER(export_component) NOT IN ('hdi', 'k2hb') THEN 1
    END) AS exported_count_from_streaming_feed,
    COUNT(CASE WHEN import_timestamp IS NULL AND export_timestamp IS NOT NULL THEN 1 END) AS missing_imported_count,
    COUNT(CASE WHEN import_timestamp IS NOT NULL AND export_timestamp IS NULL THEN 1 END) AS missing_exported_count,
    COUNT(CASE
        WHEN import_timestamp IS NOT NULL AND export_timestamp IS NOT NULL AND earliest_manifest = 'import' THEN 1
    END) AS mismatched_timestamps_earlier_in_import_count,
    COUNT(CASE
        WHEN import_timestamp IS NOT NULL AND export_timestamp IS NOT NULL AND earliest_manifest = 'export' THEN 1
    END) AS mismatched_timestamps_earlier_in_export_count,
    MAX(import_timestamp) AS latest_import_timestamp,
    MIN(import_timestamp) AS earliest_import_timestamp,
    MAX(export_timestamp) AS latest_export_timestamp,
    MIN(export_timestamp) AS earliest_export_timestamp,
    COUNT(CASE WHEN import_timestamp IS NOT NULL AND export_timestamp IS NOT NULL THEN 1 END) AS both_sides_count
FROM joined
GROUP BY database, collection
