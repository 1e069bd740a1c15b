-- Per (database, collection) over ALL ids of both sides (compared_keys): each side's own figures (with its ids seen
-- more than once), plus the differences counted by kind (an id present on both sides with equal timestamps is in
-- neither differences count). An export id whose lines disagree on the
-- data load is counted by its latest line's component (export_payload). With spec.comparison.databaseNames
-- hyphenate, import_database and export_database are the database name as each side writes it (NULL on a side
-- without the collection); otherwise NULL, the names being compared as written.
SELECT
    k.database,
    k.collection,
    k.imported_count,
    k.exported_count,
    k.exported_count_from_data_load + COALESCE(p.from_data_load, 0) AS exported_count_from_data_load,
    k.exported_count_from_streaming_feed + COALESCE(p.from_streaming_feed, 0) AS exported_count_from_streaming_feed,
    k.missing_imported_count,
    k.missing_exported_count,
    k.mismatched_timestamps_earlier_in_import_count,
    k.mismatched_timestamps_earlier_in_export_count,
    k.duplicate_imported_count,
    k.duplicate_exported_count,
    k.latest_import_timestamp,
    k.earliest_import_timestamp,
    k.latest_export_timestamp,
    k.earliest_export_timestamp,
    s.import_database,
    s.export_database
FROM (
    SELECT
        database,
        collection,
        CAST(SUM(imported_count) AS BIGINT) AS imported_count,
        CAST(SUM(exported_count) AS BIGINT) AS exported_count,
        CAST(SUM(exported_count_from_data_load) AS BIGINT) AS exported_count_from_data_load,
        CAST(SUM(exported_count_from_streaming_feed) AS BIGINT) AS exported_count_from_streaming_feed,
        COUNT(CASE WHEN id IS NOT NULL AND import_timestamp IS NULL THEN 1 END) AS missing_imported_count,
        COUNT(CASE WHEN id IS NOT NULL AND export_timestamp IS NULL THEN 1 END) AS missing_exported_count,
        COUNT(CASE WHEN id IS NOT NULL AND import_timestamp < export_timestamp THEN 1 END)
            AS mismatched_timestamps_earlier_in_import_count,
        COUNT(CASE WHEN id IS NOT NULL AND import_timestamp > export_timestamp THEN 1 END)
            AS mismatched_timestamps_earlier_in_export_count,
        CAST(SUM(duplicate_imported_count) AS BIGINT) AS duplicate_imported_count,
        CAST(SUM(duplicate_exported_count) AS BIGINT) AS duplicate_exported_count,
        MAX(import_timestamp) AS latest_import_timestamp,
        MIN(earliest_import_timestamp) AS earliest_import_timestamp,
        MAX(export_timestamp) AS latest_export_timestamp,
        MIN(earliest_export_timestamp) AS earliest_export_timestamp
    FROM compared_keys
    WHERE status IS NULL
    GROUP BY database, collection
) k
LEFT JOIN (
    -- The export ids whose lines disagree on the data load, by their latest line's component.
    SELECT
        d.database,
        d.collection,
        COUNT(CASE WHEN LOWER(p.export_component) IN ('hdi', 'k2hb') THEN 1 END) AS from_data_load,
        COUNT(CASE WHEN LOWER(p.export_component) NOT IN ('hdi', 'k2hb') THEN 1 END) AS from_streaming_feed
    FROM compared_keys d
    INNER JOIN export_payload p
        ON d.database = p.database
        AND d.collection = p.collection
        AND d.id = p.id
    WHERE d.status IS NULL
      AND d.id IS NOT NULL
      AND d.export_timestamp IS NOT NULL
      AND d.exported_count_from_data_load = 0
      AND d.exported_count_from_streaming_feed = 0
    GROUP BY d.database, d.collection
) p
    ON p.database = k.database
    AND p.collection = k.collection
LEFT JOIN database_spellings s
    ON s.database = k.database
    AND s.collection = k.collection
