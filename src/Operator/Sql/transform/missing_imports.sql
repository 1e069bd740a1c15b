-- Ids exported but never imported, in collections present in both manifests.
SELECT j.id, j.database, j.collection, j.export_timestamp, j.export_component, j.export_type
FROM differences j
INNER JOIN collections_in_both b
    ON j.database = b.database
    AND j.collection = b.collection
WHERE j.import_timestamp IS NULL
