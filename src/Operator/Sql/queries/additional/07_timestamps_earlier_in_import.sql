SELECT database, collection, id, export_component, export_type, earliest_timestamp, latest_timestamp, earliest_manifest
FROM (
    SELECT
        database, collection, id, export_component, export_type, earliest_timestamp, latest_timestamp, earliest_manifest,
        ROW_NUMBER() OVER (PARTITION BY database, collection ORDER BY id DESC) AS id_rank
    FROM {{mismatched_timestamps_table}}
    WHERE LOWER(earliest_manifest) = 'import'
) ranked
WHERE id_rank <= {{count_of_ids}}
ORDER BY database, collection, id
