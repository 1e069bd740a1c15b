-- The latest import line of each differing id: among its lines at its latest timestamp, the smallest (source,
-- component, type). Only the differing ids' lines are ranked.
SELECT database, collection, id, import_source, import_component, import_type
FROM (
    SELECT
        l.database, l.collection, l.id, l.import_source, l.import_component, l.import_type,
        ROW_NUMBER() OVER (
            PARTITION BY l.database, l.collection, l.id
            ORDER BY l.import_source, l.import_component, l.import_type
        ) AS latest_rank
    FROM import_lines l
    INNER JOIN differing_keys k
        ON l.database = k.database
        AND l.collection = k.collection
        AND l.id = k.id
        AND l.import_timestamp = k.import_timestamp
) ranked
WHERE latest_rank = 1
