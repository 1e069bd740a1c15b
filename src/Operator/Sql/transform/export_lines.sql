-- Export (HTME) side: every line that takes part in the comparison, parsed once. The join key is field 6 (field 0 is
-- a formatted id and is never used). Keeps rows with a canonical integer timestamp in [window_start_ms,
-- window_end_ms), window_end_ms being the window end plus the margin. Lines with an empty id, database or collection
-- (or a line end in a field) are rejected (rejected_lines.sql); other empty fields become empty strings so every engine compares and joins them
-- alike. database is the name compared: with spec.comparison.databaseNames hyphenate every '_' is read as '-', and
-- export_database keeps the name as written (NULL when names are compared as written). Duplicates are still here: export_keys de-duplicates narrowly, export_payload picks the latest line where
-- it is needed.
SELECT id, database, export_database, collection, export_timestamp, export_source, export_component, export_type
FROM (
    SELECT
        COALESCE(c6, '') AS id,
        CASE
            WHEN {{hyphenate_database_names}} = 1 THEN REPLACE(COALESCE(c2, ''), '_', '-')
            ELSE COALESCE(c2, '')
        END AS database,
        CASE WHEN {{hyphenate_database_names}} = 1 THEN COALESCE(c2, '') END AS export_database,
        COALESCE(c3, '') AS collection,
        TRY_CAST(c1 AS BIGINT) AS export_timestamp,
        c1 AS raw_timestamp,
        CONCAT(COALESCE(c0, ''), COALESCE(c1, ''), COALESCE(c2, ''), COALESCE(c3, ''),
               COALESCE(c4, ''), COALESCE(c5, ''), COALESCE(c6, ''), COALESCE(c7, '')) AS all_fields,
        COALESCE(c4, '') AS export_source,
        COALESCE(c5, '') AS export_component,
        COALESCE(c7, '') AS export_type
    FROM export_manifest_raw
) parsed
WHERE export_timestamp >= {{window_start_ms}}
  AND export_timestamp < {{window_end_ms}}
  AND CAST(export_timestamp AS VARCHAR(20)) = raw_timestamp
  AND id <> ''
  AND database <> ''
  AND collection <> ''
  AND all_fields NOT LIKE CONCAT('%', CHR(10), '%')
  AND all_fields NOT LIKE CONCAT('%', CHR(13), '%')
