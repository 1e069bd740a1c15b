-- Per (database, collection), the de-duplicated export side's count, split by the latest line's component (HDI and
-- K2HB are the data load, anything else the streaming feed), its ids seen more than once, and its timestamp range.
SELECT
    database,
    collection,
    COUNT(*) AS exported_count,
    COUNT(CASE WHEN export_from_data_load = 1 THEN 1 END) AS exported_count_from_data_load,
    COUNT(CASE WHEN export_from_data_load = 0 THEN 1 END) AS exported_count_from_streaming_feed,
    COUNT(CASE WHEN export_line_count > 1 THEN 1 END) AS duplicate_exported_count,
    MAX(export_timestamp) AS latest_export_timestamp,
    MIN(export_timestamp) AS earliest_export_timestamp
FROM (
    SELECT database, collection, export_timestamp, export_line_count, export_from_data_load
    FROM export_keys
    WHERE export_from_data_load IS NOT NULL
    UNION ALL
    SELECT
        k.database,
        k.collection,
        k.export_timestamp,
        k.export_line_count,
        CASE WHEN LOWER(p.export_component) IN ('hdi', 'k2hb') THEN 1 ELSE 0 END AS export_from_data_load
    FROM export_keys k
    INNER JOIN export_payload p
        ON k.database = p.database
        AND k.collection = p.collection
        AND k.id = p.id
    WHERE k.export_from_data_load IS NULL
) latest
GROUP BY database, collection
