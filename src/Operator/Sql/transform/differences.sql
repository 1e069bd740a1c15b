-- The ids that can appear in a detail table: present on one side only, or on both with different timestamps. The
-- full outer join of the de-duplicated sides on (database, collection, id) keeps only these rows, usually a small
-- fraction, so no table of every joined id is ever built (the per-collection counts come from each side instead).
-- earliest_manifest is 'import' (no export side, or the import is earlier) or 'export'. LEAST/GREATEST are avoided:
-- engines disagree on how they treat NULL.
SELECT
    COALESCE(i.database, e.database) AS database,
    COALESCE(i.collection, e.collection) AS collection,
    COALESCE(i.id, e.id) AS id,
    i.import_timestamp,
    i.import_source,
    i.import_component,
    i.import_type,
    e.export_timestamp,
    e.export_source,
    e.export_component,
    e.export_type,
    CASE
        WHEN e.export_timestamp IS NULL THEN i.import_timestamp
        WHEN i.import_timestamp IS NULL THEN e.export_timestamp
        WHEN i.import_timestamp < e.export_timestamp THEN i.import_timestamp
        ELSE e.export_timestamp
    END AS earliest_timestamp,
    CASE
        WHEN e.export_timestamp IS NULL THEN i.import_timestamp
        WHEN i.import_timestamp IS NULL THEN e.export_timestamp
        WHEN i.import_timestamp > e.export_timestamp THEN i.import_timestamp
        ELSE e.export_timestamp
    END AS latest_timestamp,
    CASE
        WHEN e.export_timestamp IS NULL THEN 'import'
        WHEN i.import_timestamp < e.export_timestamp THEN 'import'
        ELSE 'export'
    END AS earliest_manifest
FROM import_side i
FULL OUTER JOIN export_side e
    ON i.database = e.database
    AND i.collection = e.collection
    AND i.id = e.id
WHERE i.import_timestamp IS NULL
   OR e.export_timestamp IS NULL
   OR i.import_timestamp <> e.export_timestamp
