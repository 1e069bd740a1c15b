-- Every collection's counts, in a stable order.
SELECT
    database,
    collection,
    imported_count,
    exported_count,
    missing_exported_count,
    missing_imported_count,
    mismatched_timestamps_earlier_in_import_count,
    mismatched_timestamps_earlier_in_export_count,
    duplicate_imported_count,
    duplicate_exported_count,
    import_database,
    export_database
FROM {{counts_table}}
ORDER BY database, collection
