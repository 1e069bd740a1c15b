SELECT database, collection, id, import_timestamp, import_component, import_type
FROM (
    SELECT
        database, collection, id, import_timestamp, import_component, import_type,
        ROW_NUMBER() OVER (PARTITION BY database, collection ORDER BY id DESC) AS id_rank
    FROM {{missing_exports_table}}
) ranked
WHERE id_rank <= {{count_of_ids}}
ORDER BY database, collection, id
