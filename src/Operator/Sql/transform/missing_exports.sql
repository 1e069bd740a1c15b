-- Ids imported but never exported, in collections present in both manifests.
SELECT j.id, j.database, j.collection, j.import_timestamp, j.import_component, j.import_type
FROM differences j
INNER JOIN collections_in_both b
    ON j.database = b.database
    AND j.collection = b.collection
WHERE j.export_timestamp IS NULL
