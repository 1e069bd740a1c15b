SELECT database, collection, id, export_timestamp, export_component, export_type
FROM (
    SELECT
        database, collection, id, export_timestamp, export_component, export_type,
        ROW_NUMBER() OVER (PARTITION BY database, collection ORDER BY id DESC) AS id_rank
    FROM {{missing_imports_table}}
) ranked
WHERE id_rank <= {{count_of_ids}}
ORDER BY database, collection, id
