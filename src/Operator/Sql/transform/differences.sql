-- The joined rows that can appear in a detail table: one side absent, or the timestamps differ. Usually a small
-- fraction of joined, so the three detail outputs read this instead of rescanning joined.
SELECT *
FROM joined
WHERE import_timestamp IS NULL
   OR export_timestamp IS NULL
   OR earliest_manifest <> 'both'
