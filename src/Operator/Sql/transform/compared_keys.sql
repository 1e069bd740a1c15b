-- The whole comparison on the narrow form, in one pass over each side's lines: each side de-duplicated to one row per
-- (database, collection, id) with its latest timestamp and line count, the two sides joined on that key, and the
-- result summed per (database, collection). Only the ids that need their own row keep it (id not NULL): those
-- present on one side only or with different timestamps (the differences), and export ids whose lines disagree on
-- the data load (collection_counts then needs the latest line's component). Lines that are not compared are counted
-- per status (a rejection reason or 'outside_window', *_classified.sql) with id NULL, so rejected_reasons knows
-- whether rejected_lines must read the text again. Totals need nothing more: source, component and type are fetched
-- afterwards for the ids that differ only (*_payload.sql).
WITH import_keys AS (
    SELECT
        status,
        database,
        collection,
        CASE WHEN status IS NULL THEN id END AS id,
        MAX(import_timestamp) AS import_timestamp,
        COUNT(*) AS import_line_count
    FROM import_classified
    GROUP BY status, database, collection, CASE WHEN status IS NULL THEN id END
), export_keys AS (
    SELECT
        status,
        database,
        collection,
        CASE WHEN status IS NULL THEN id END AS id,
        MAX(export_timestamp) AS export_timestamp,
        COUNT(*) AS export_line_count,
        -- Whether the id came from the data load (component HDI or K2HB): 1 or 0 when all its lines agree, NULL when
        -- they do not.
        CASE
            WHEN MIN(CASE WHEN LOWER(export_component) IN ('hdi', 'k2hb') THEN 1 ELSE 0 END)
               = MAX(CASE WHEN LOWER(export_component) IN ('hdi', 'k2hb') THEN 1 ELSE 0 END)
            THEN MAX(CASE WHEN LOWER(export_component) IN ('hdi', 'k2hb') THEN 1 ELSE 0 END)
        END AS export_from_data_load
    FROM export_classified
    GROUP BY status, database, collection, CASE WHEN status IS NULL THEN id END
), pairs AS (
    -- Lines that are not compared have id NULL, so they never join.
    SELECT
        CASE WHEN i.status IS NOT NULL THEN i.status ELSE e.status END AS status,
        COALESCE(i.database, e.database) AS database,
        COALESCE(i.collection, e.collection) AS collection,
        CASE
            WHEN i.status IS NULL AND e.status IS NULL
                AND (i.import_timestamp IS NULL
                    OR e.export_timestamp IS NULL
                    OR i.import_timestamp <> e.export_timestamp
                    OR (e.export_timestamp IS NOT NULL AND e.export_from_data_load IS NULL))
            THEN COALESCE(i.id, e.id)
        END AS id,
        CASE WHEN i.status IS NULL THEN i.import_timestamp END AS import_timestamp,
        i.import_line_count,
        CASE WHEN e.status IS NULL THEN e.export_timestamp END AS export_timestamp,
        e.export_line_count,
        e.export_from_data_load
    FROM import_keys i
    FULL OUTER JOIN export_keys e
        ON i.database = e.database
        AND i.collection = e.collection
        AND i.id = e.id
)
SELECT
    status,
    database,
    collection,
    id,
    COUNT(import_timestamp) AS imported_count,
    COUNT(export_timestamp) AS exported_count,
    COUNT(CASE WHEN export_timestamp IS NOT NULL AND export_from_data_load = 1 THEN 1 END) AS exported_count_from_data_load,
    COUNT(CASE WHEN export_timestamp IS NOT NULL AND export_from_data_load = 0 THEN 1 END) AS exported_count_from_streaming_feed,
    COUNT(CASE WHEN import_timestamp IS NOT NULL AND import_line_count > 1 THEN 1 END) AS duplicate_imported_count,
    COUNT(CASE WHEN export_timestamp IS NOT NULL AND export_line_count > 1 THEN 1 END) AS duplicate_exported_count,
    MAX(import_timestamp) AS import_timestamp,
    MIN(import_timestamp) AS earliest_import_timestamp,
    MAX(export_timestamp) AS export_timestamp,
    MIN(export_timestamp) AS earliest_export_timestamp,
    -- Lines, not ids: with status not NULL, how many lines of each side had it.
    CAST(COALESCE(SUM(import_line_count), 0) AS BIGINT) AS import_line_count,
    CAST(COALESCE(SUM(export_line_count), 0) AS BIGINT) AS export_line_count
FROM pairs
GROUP BY status, database, collection, id
