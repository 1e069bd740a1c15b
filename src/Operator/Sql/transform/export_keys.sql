-- The export side de-duplicated narrowly: one row per (database, collection, id) with its latest timestamp, the
-- number of lines that carried it (more than one: a duplicate), and whether it came from the data load (component
-- HDI or K2HB): 1 or 0 when all its lines agree, NULL when they do not (then export_payload names the latest line's
-- component).
SELECT
    database,
    collection,
    id,
    MAX(export_timestamp) AS export_timestamp,
    COUNT(*) AS export_line_count,
    CASE
        WHEN MIN(CASE WHEN LOWER(export_component) IN ('hdi', 'k2hb') THEN 1 ELSE 0 END)
           = MAX(CASE WHEN LOWER(export_component) IN ('hdi', 'k2hb') THEN 1 ELSE 0 END)
        THEN MAX(CASE WHEN LOWER(export_component) IN ('hdi', 'k2hb') THEN 1 ELSE 0 END)
    END AS export_from_data_load
FROM export_lines
GROUP BY database, collection, id
