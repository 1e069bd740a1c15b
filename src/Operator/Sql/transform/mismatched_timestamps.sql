-- Ids present on both sides whose timestamps differ (in differences, an id on both sides always differs), in
-- collections present in both manifests.
SELECT
    j.id, j.database, j.collection,
    j.import_timestamp, j.import_source, j.import_component, j.import_type,
    j.export_timestamp, j.export_source, j.export_component, j.export_type,
    j.earliest_timestamp, j.latest_timestamp, j.earliest_manifest
FROM differences j
INNER JOIN collections_in_both b
    ON j.database = b.database
    AND j.collection = b.collection
WHERE j.import_timestamp IS NOT NULL
  AND j.export_timestamp IS NOT NULL
