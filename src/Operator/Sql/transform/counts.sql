-- One row per (database, collection) over ALL joined rows (not restricted to collections in both manifests).
-- duplicate_*_count: ids seen on more than one line of that side (never fatal; a retry storm shows here first).
-- database_collection is for display only; database and collection come from their own columns, never re-split.
SELECT
    CONCAT(database, '.', collection) AS database_collection,
    database,
    collection,
    imported_count,
    exported_count,
    exported_count_from_data_load,
    exported_count_from_streaming_feed,
    missing_imported_count,
    missing_exported_count,
    mismatched_timestamps_earlier_in_import_count,
    mismatched_timestamps_earlier_in_export_count,
    latest_import_timestamp,
    earliest_import_timestamp,
    latest_export_timestamp,
    earliest_export_timestamp,
    duplicate_imported_count,
    duplicate_exported_count,
    import_database,
    export_database
FROM collection_counts
