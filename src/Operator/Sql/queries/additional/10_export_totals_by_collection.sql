SELECT
    database,
    collection,
    exported_count,
    exported_count_from_data_load,
    exported_count_from_streaming_feed,
    latest_export_timestamp,
    earliest_export_timestamp
FROM {{counts_table}}
WHERE exported_count > 0
ORDER BY database, collection
