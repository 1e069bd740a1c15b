-- Every manifest line that was read but can never be compared, with the first reason it fails (docs/
-- comparison-semantics.md, "Rejected lines"). Lines the engine's reader could not split into eight UTF-8 fields come
-- from unreadable_lines (bad_field_count, not_utf8; the reader kept them out of the raw relations). Of the raw lines:
-- a record holding a line end (bad_field_count: it spans several physical lines, so a stray pair of quotes cannot hide
-- a line inside a field), a timestamp that is not a canonical non-negative integer (abc, -5, +170..., ' 170...', 170....0, 0170..., a number
-- beyond BIGINT, empty), then an empty id, database or collection. import_side and export_side keep exactly the
-- complement (within the window). The sample is the line's fields joined by '|' again (quotes already removed by the
-- reader), cut to 200 characters; line_number is filled in for the report's samples afterwards, when known.
SELECT side, reason, file, CAST(NULL AS BIGINT) AS line_number, SUBSTRING(sample, 1, 200) AS sample
FROM (
    SELECT
        side,
        CASE
            -- A line end inside a field: the reader joined several lines into one record (a stray quote pair can
            -- hide whole lines this way). Spark reads one record per line and rejects them too.
            WHEN CONCAT(COALESCE(c0, ''), COALESCE(c1, ''), COALESCE(c2, ''), COALESCE(c3, ''),
                        COALESCE(c4, ''), COALESCE(c5, ''), COALESCE(c6, ''), COALESCE(c7, '')) LIKE CONCAT('%', CHR(10), '%')
                OR CONCAT(COALESCE(c0, ''), COALESCE(c1, ''), COALESCE(c2, ''), COALESCE(c3, ''),
                          COALESCE(c4, ''), COALESCE(c5, ''), COALESCE(c6, ''), COALESCE(c7, '')) LIKE CONCAT('%', CHR(13), '%')
                THEN 'bad_field_count'
            WHEN TRY_CAST(c1 AS BIGINT) IS NULL
                OR TRY_CAST(c1 AS BIGINT) < 0
                OR CAST(TRY_CAST(c1 AS BIGINT) AS VARCHAR(20)) <> c1 THEN 'bad_timestamp'
            WHEN COALESCE(id, '') = '' THEN 'empty_id'
            WHEN COALESCE(c2, '') = '' THEN 'empty_database'
            WHEN COALESCE(c3, '') = '' THEN 'empty_collection'
        END AS reason,
        file,
        CONCAT(COALESCE(c0, ''), '|', COALESCE(c1, ''), '|', COALESCE(c2, ''), '|', COALESCE(c3, ''), '|',
               COALESCE(c4, ''), '|', COALESCE(c5, ''), '|', COALESCE(c6, ''), '|', COALESCE(c7, '')) AS sample
    FROM (
        -- The join key is field 0 on the import side and field 6 on the export side; the rule is the same.
        SELECT 'import' AS side, c0 AS id, file, c0, c1, c2, c3, c4, c5, c6, c7 FROM import_manifest_raw
        UNION ALL
        SELECT 'export' AS side, c6 AS id, file, c0, c1, c2, c3, c4, c5, c6, c7 FROM export_manifest_raw
    ) lines
) classified
WHERE reason IS NOT NULL
UNION ALL
SELECT side, reason, file, line_number, SUBSTRING(sample, 1, 200) AS sample
FROM unreadable_lines
