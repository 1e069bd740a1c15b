-- The import side de-duplicated narrowly: one row per (database, collection, id) with its latest timestamp and the
-- number of lines that carried it (more than one: a duplicate). Totals need nothing more; the latest line's source,
-- component and type are fetched only for the ids that differ (import_payload).
SELECT database, collection, id, MAX(import_timestamp) AS import_timestamp, COUNT(*) AS import_line_count
FROM import_lines
GROUP BY database, collection, id
