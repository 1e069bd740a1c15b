-- Per (database, collection) over ALL ids of both sides: each side's own figures (with its ids seen more than
-- once), plus the differences counted by kind. An id present on both sides with equal timestamps is in neither
-- differences count, so the ids present on both sides (which decide the collections the detail tables are restricted
-- to) are the imported ids less those missing from the export. With spec.comparison.databaseNames hyphenate,
-- import_database and export_database are the database name as each side writes it (NULL on a side without the
-- collection); otherwise NULL, the names being compared as written.
SELECT
    COALESCE(i.database, e.database) AS database,
    COALESCE(i.collection, e.collection) AS collection,
    COALESCE(i.imported_count, 0) AS imported_count,
    COALESCE(e.exported_count, 0) AS exported_count,
    COALESCE(e.exported_count_from_data_load, 0) AS exported_count_from_data_load,
    COALESCE(e.exported_count_from_streaming_feed, 0) AS exported_count_from_streaming_feed,
    COALESCE(d.missing_imported_count, 0) AS missing_imported_count,
    COALESCE(d.missing_exported_count, 0) AS missing_exported_count,
    COALESCE(d.mismatched_timestamps_earlier_in_import_count, 0) AS mismatched_timestamps_earlier_in_import_count,
    COALESCE(d.mismatched_timestamps_earlier_in_export_count, 0) AS mismatched_timestamps_earlier_in_export_count,
    COALESCE(i.duplicate_imported_count, 0) AS duplicate_imported_count,
    COALESCE(e.duplicate_exported_count, 0) AS duplicate_exported_count,
    i.latest_import_timestamp,
    i.earliest_import_timestamp,
    e.latest_export_timestamp,
    e.earliest_export_timestamp,
    COALESCE(i.imported_count, 0) - COALESCE(d.missing_exported_count, 0) AS both_sides_count,
    s.import_database,
    s.export_database
FROM import_counts i
FULL OUTER JOIN export_counts e
    ON i.database = e.database
    AND i.collection = e.collection
LEFT JOIN (
    SELECT
        database,
        collection,
        COUNT(CASE WHEN import_timestamp IS NULL THEN 1 END) AS missing_imported_count,
        COUNT(CASE WHEN export_timestamp IS NULL THEN 1 END) AS missing_exported_count,
        COUNT(CASE
            WHEN import_timestamp IS NOT NULL AND export_timestamp IS NOT NULL AND earliest_manifest = 'import' THEN 1
        END) AS mismatched_timestamps_earlier_in_import_count,
        COUNT(CASE
            WHEN import_timestamp IS NOT NULL AND export_timestamp IS NOT NULL AND earliest_manifest = 'export' THEN 1
        END) AS mismatched_timestamps_earlier_in_export_count
    FROM differences
    GROUP BY database, collection
) d
    ON d.database = COALESCE(i.database, e.database)
    AND d.collection = COALESCE(i.collection, e.collection)
LEFT JOIN database_spellings s
    ON s.database = COALESCE(i.database, e.database)
    AND s.collection = COALESCE(i.collection, e.collection)
