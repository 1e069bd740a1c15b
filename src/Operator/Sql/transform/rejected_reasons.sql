-- The (side, reason) pairs of the rejected lines compared_keys counted. Usually none: then rejected_lines.sql joins
-- an empty table and an engine that sees it (DuckDB) does not read the text again.
SELECT side, reason
FROM (
    SELECT 'import' AS side, status AS reason FROM compared_keys WHERE import_line_count > 0
    UNION ALL
    SELECT 'export' AS side, status AS reason FROM compared_keys WHERE export_line_count > 0
) counted
WHERE reason IS NOT NULL AND reason <> 'outside_window'
GROUP BY side, reason
