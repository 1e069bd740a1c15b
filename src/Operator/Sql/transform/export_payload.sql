-- The latest export line of each differing id, and of each id whose lines disagree on the data load (export_counts
-- needs its latest line's component): among its lines at its latest timestamp, the smallest (source, component,
-- type). Only those ids' lines are ranked.
SELECT database, collection, id, export_source, export_component, export_type
FROM (
    SELECT
        l.database, l.collection, l.id, l.export_source, l.export_component, l.export_type,
        ROW_NUMBER() OVER (
            PARTITION BY l.database, l.collection, l.id
            ORDER BY l.export_source, l.export_component, l.export_type
        ) AS latest_rank
    FROM export_lines l
    INNER JOIN (
        SELECT database, collection, id, export_timestamp
        FROM differing_keys
        WHERE export_timestamp IS NOT NULL
        UNION
        SELECT database, collection, id, export_timestamp
        FROM export_keys
        WHERE export_from_data_load IS NULL
    ) k
        ON l.database = k.database
        AND l.collection = k.collection
        AND l.id = k.id
        AND l.export_timestamp = k.export_timestamp
) ranked
WHERE latest_rank = 1
