-- Export (HTME) side: every raw line with its status, parsed once per reader (a view: each reader scans the text,
-- nothing is materialised). The join key is field 6 (field 0 is a formatted id and is never used).
-- status is NULL for a line that takes part in the comparison, 'outside_window' for a sound line whose timestamp is
-- outside [window_start_ms, window_end_ms) (window_end_ms being the window end plus the margin), or the first reason
-- the line is rejected (rejected_lines.sql; docs/comparison-semantics.md, "Rejected lines"):
--   bad_field_count   a field holds a line end: the reader joined several lines into one record (a stray quote pair
--                     can hide whole lines this way); Spark reads one record per line and rejects them too
--   bad_timestamp     not a canonical non-negative integer (abc, -5, +170..., ' 170...', 170....0, 0170..., beyond
--                     BIGINT, empty): the round trip through BIGINT must give the text back
--   empty_id, empty_database, empty_collection
-- Other empty fields become empty strings so every engine compares and joins them alike. database is the name
-- compared: with spec.comparison.databaseNames hyphenate every '_' is read as '-', and export_database keeps the name
-- as written (NULL when names are compared as written). Expressions are computed once in the inner SELECT and only
-- referred to above it; readers group or join on status rather than filter lines by it, so no engine evaluates the
-- classification twice per line.
SELECT
    CASE
        WHEN all_fields LIKE CONCAT('%', CHR(10), '%') OR all_fields LIKE CONCAT('%', CHR(13), '%') THEN 'bad_field_count'
        WHEN export_timestamp IS NULL
            OR export_timestamp < 0
            OR CAST(export_timestamp AS VARCHAR(20)) <> raw_timestamp THEN 'bad_timestamp'
        WHEN id = '' THEN 'empty_id'
        WHEN raw_database = '' THEN 'empty_database'
        WHEN collection = '' THEN 'empty_collection'
        WHEN export_timestamp < {{window_start_ms}} OR export_timestamp >= {{window_end_ms}} THEN 'outside_window'
    END AS status,
    'export' AS side,
    file,
    sample,
    id,
    database,
    export_database,
    collection,
    export_timestamp,
    export_component
FROM (
    SELECT
        file,
        CONCAT(COALESCE(c0, ''), '|', COALESCE(c1, ''), '|', COALESCE(c2, ''), '|', COALESCE(c3, ''), '|',
               COALESCE(c4, ''), '|', COALESCE(c5, ''), '|', COALESCE(c6, ''), '|', COALESCE(c7, '')) AS sample,
        CONCAT(COALESCE(c0, ''), COALESCE(c1, ''), COALESCE(c2, ''), COALESCE(c3, ''),
               COALESCE(c4, ''), COALESCE(c5, ''), COALESCE(c6, ''), COALESCE(c7, '')) AS all_fields,
        COALESCE(c6, '') AS id,
        COALESCE(c2, '') AS raw_database,
        CASE
            WHEN {{hyphenate_database_names}} = 1 THEN REPLACE(COALESCE(c2, ''), '_', '-')
            ELSE COALESCE(c2, '')
        END AS database,
        CASE WHEN {{hyphenate_database_names}} = 1 THEN COALESCE(c2, '') END AS export_database,
        COALESCE(c3, '') AS collection,
        c1 AS raw_timestamp,
        TRY_CAST(c1 AS BIGINT) AS export_timestamp,
        COALESCE(c5, '') AS export_component
    FROM export_manifest_raw
) parsed
