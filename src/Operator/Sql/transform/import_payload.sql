-- The latest import line of each differing id: among its lines at its latest timestamp, the smallest (source,
-- component, type). Only the candidate lines are read (import_candidate_lines.sql). A line with a line end in
-- a field is ranked last and dropped, so only lines that take part in the comparison can be chosen
-- (*_classified.sql; its key fields equal a compared key, so they hold no line end and only the others are checked).
SELECT database, collection, id, import_source, import_component, import_type
FROM (
    SELECT
        database, collection, id, import_source, import_component, import_type, compared,
        ROW_NUMBER() OVER (
            PARTITION BY database, collection, id
            ORDER BY compared DESC, import_source, import_component, import_type
        ) AS latest_rank
    FROM (
        SELECT
            k.database,
            k.collection,
            k.id,
            COALESCE(l.c4, '') AS import_source,
            COALESCE(l.c5, '') AS import_component,
            COALESCE(l.c7, '') AS import_type,
            CASE
                WHEN CONCAT(COALESCE(l.c6, ''), COALESCE(l.c4, ''), COALESCE(l.c5, ''), COALESCE(l.c7, ''))
                         LIKE CONCAT('%', CHR(10), '%')
                    OR CONCAT(COALESCE(l.c6, ''), COALESCE(l.c4, ''), COALESCE(l.c5, ''), COALESCE(l.c7, ''))
                         LIKE CONCAT('%', CHR(13), '%')
                THEN 0
                ELSE 1
            END AS compared
        FROM import_candidate_lines l
        INNER JOIN (
            SELECT database, collection, id, CAST(import_timestamp AS VARCHAR(20)) AS raw_timestamp
            FROM differing_keys
            WHERE import_timestamp IS NOT NULL AND differs = 1
        ) k
            ON CASE
                   WHEN {{hyphenate_database_names}} = 1 THEN REPLACE(l.c2, '_', '-')
                   ELSE l.c2
               END = k.database
            AND l.c3 = k.collection
            AND l.c0 = k.id
            AND l.c1 = k.raw_timestamp
    ) joined
) ranked
WHERE latest_rank = 1
  AND compared = 1
