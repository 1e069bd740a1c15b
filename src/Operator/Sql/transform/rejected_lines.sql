-- Every manifest line that was read but can never be compared, with the first reason it fails (docs/
-- comparison-semantics.md, "Rejected lines"; the reasons are defined once, in *_classified.sql). Lines the engine's
-- reader could not split into eight UTF-8 fields come from unreadable_lines (bad_field_count, not_utf8; the reader
-- kept them out of the raw relations). The classified lines are read only for the (side, reason) pairs that
-- compared_keys counted (rejected_reasons). The sample is the line's fields joined by '|' again (quotes already
-- removed by the reader), cut to 200 characters; line_number is filled in for the report's samples afterwards, when
-- known.
SELECT l.side, l.status AS reason, l.file, CAST(NULL AS BIGINT) AS line_number, SUBSTRING(l.sample, 1, 200) AS sample
FROM (
    SELECT side, status, file, sample FROM import_classified
    UNION ALL
    SELECT side, status, file, sample FROM export_classified
) l
INNER JOIN rejected_reasons r
    ON l.side = r.side
    AND l.status = r.reason
UNION ALL
SELECT side, reason, file, line_number, SUBSTRING(sample, 1, 200) AS sample
FROM unreadable_lines
