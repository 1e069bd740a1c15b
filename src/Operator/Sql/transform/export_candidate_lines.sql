-- The raw export lines that may be the latest line of an id in differing_keys: those whose timestamp text is one of
-- those ids' latest timestamps, canonical. Matching one text column keeps the second read of the text cheap (a few
-- lines in a hundred survive it); export_payload.sql then matches the whole key on these lines only. A timestamp that is
-- not canonical never equals the canonical text, so such lines never get here.
SELECT c0, c1, c2, c3, c4, c5, c6, c7
FROM export_manifest_raw
WHERE c1 IN (
    SELECT CAST(export_timestamp AS VARCHAR(20))
    FROM differing_keys
    WHERE export_timestamp IS NOT NULL
)
