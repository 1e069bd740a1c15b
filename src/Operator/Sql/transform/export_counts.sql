-- Per (database, collection), the de-duplicated export side's count, split by component (HDI and K2HB are the data
-- load, anything else the streaming feed), and its timestamp range.
SELECT
    database,
    collection,
    COUNT(*) AS exported_count,
    COUNT(CASE WHEN LOWER(export_component) IN ('hdi', 'k2hb') THEN 1 END) AS exported_count_from_data_load,
    COUNT(CASE WHEN LOWER(export_component) NOT IN ('hdi', 'k2hb') THEN 1 END) AS exported_count_from_streaming_feed,
    MAX(export_timestamp) AS latest_export_timestamp,
    MIN(export_timestamp) AS earliest_export_timestamp
FROM export_side
GROUP BY database, collection
