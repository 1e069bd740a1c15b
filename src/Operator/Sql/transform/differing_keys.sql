-- The ids that can appear in a detail table: present on one side only, or on both with different timestamps. The
-- full outer join of the narrow sides keeps only these, usually a small fraction.
SELECT
    COALESCE(i.database, e.database) AS database,
    COALESCE(i.collection, e.collection) AS collection,
    COALESCE(i.id, e.id) AS id,
    i.import_timestamp,
    e.export_timestamp
FROM import_keys i
FULL OUTER JOIN export_keys e
    ON i.database = e.database
    AND i.collection = e.collection
    AND i.id = e.id
WHERE i.import_timestamp IS NULL
   OR e.export_timestamp IS NULL
   OR i.import_timestamp <> e.export_timestamp
