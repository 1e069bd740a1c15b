-- Every manifest line that was read but can never be compared, with the first reason it fails (docs/
-- comparison-semantics.md, "Rejected lines"): a timestamp that is not a canonical non-negative integer (abc, -5,
-- +170..., ' 170...', 170....0, 0170..., a number beyond BIGINT, empty), then an empty id, database or collection.
-- import_side and export_side keep exactly the complement (within the window). The sample is the line's fields joined
-- by '|' again (quotes already removed by the reader), cut to 200 characters.
SELECT side, reason, file, SUBSTRING(sample, 1, 200) AS sample
FROM (
    SELECT
        'import' AS side,
        CASE
            WHEN TRY_CAST(c1 AS BIGINT) IS NULL
                OR TRY_CAST(c1 AS BIGINT) < 0
                OR CAST(TRY_CAST(c1 AS BIGINT) AS VARCHAR(20)) <> c1 THEN 'bad_timestamp'
            WHEN COALESCE(c0, '') = '' THEN 'empty_id'
            WHEN COALESCE(c2, '') = '' THEN 'empty_database'
            WHEN COALESCE(c3, '') = '' THEN 'empty_collection'
        END AS reason,
        file,
        CONCAT(COALESCE(c0, ''), '|', COALESCE(c1, ''), '|', COALESCE(c2, ''), '|', COALESCE(c3, ''), '|',
               COALESCE(c4, ''), '|', COALESCE(c5, ''), '|', COALESCE(c6, ''), '|', COALESCE(c7, '')) AS sample
    FROM import_manifest_raw
    UNION ALL
    SELECT
        'export' AS side,
        CASE
            WHEN TRY_CAST(c1 AS BIGINT) IS NULL
                OR TRY_CAST(c1 AS BIGINT) < 0
                OR CAST(TRY_CAST(c1 AS BIGINT) AS VARCHAR(20)) <> c1 THEN 'bad_timestamp'
            WHEN COALESCE(c6, '') = '' THEN 'empty_id'
            WHEN COALESCE(c2, '') = '' THEN 'empty_database'
            WHEN COALESCE(c3, '') = '' THEN 'empty_collection'
        END AS reason,
        file,
        CONCAT(COALESCE(c0, ''), '|', COALESCE(c1, ''), '|', COALESCE(c2, ''), '|', COALESCE(c3, ''), '|',
               COALESCE(c4, ''), '|', COALESCE(c5, ''), '|', COALESCE(c6, ''), '|', COALESCE(c7, '')) AS sample
    FROM export_manifest_raw
) classified
WHERE reason IS NOT NULL
