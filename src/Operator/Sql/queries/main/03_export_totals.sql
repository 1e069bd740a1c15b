SELECT
    COUNT(CASE WHEN exported_count > 0 THEN 1 END) AS exported_collections_count,
    SUM(exported_count) AS exported_count,
    SUM(exported_count_from_data_load) AS exported_count_from_data_load,
    SUM(exported_count_from_streaming_feed) AS exported_count_from_streaming_feed
FROM {{counts_table}}
