-- The differing ids with each side's latest line (import_payload, export_payload), as the detail tables need them.
-- earliest_manifest is 'import' (no export side, or the import is earlier) or 'export'. LEAST/GREATEST are avoided:
-- engines disagree on how they treat NULL.
SELECT
    k.database,
    k.collection,
    k.id,
    k.import_timestamp,
    i.import_source,
    i.import_component,
    i.import_type,
    k.export_timestamp,
    e.export_source,
    e.export_component,
    e.export_type,
    CASE
        WHEN k.export_timestamp IS NULL THEN k.import_timestamp
        WHEN k.import_timestamp IS NULL THEN k.export_timestamp
        WHEN k.import_timestamp < k.export_timestamp THEN k.import_timestamp
        ELSE k.export_timestamp
    END AS earliest_timestamp,
    CASE
        WHEN k.export_timestamp IS NULL THEN k.import_timestamp
        WHEN k.import_timestamp IS NULL THEN k.export_timestamp
        WHEN k.import_timestamp > k.export_timestamp THEN k.import_timestamp
        ELSE k.export_timestamp
    END AS latest_timestamp,
    CASE
        WHEN k.export_timestamp IS NULL THEN 'import'
        WHEN k.import_timestamp < k.export_timestamp THEN 'import'
        ELSE 'export'
    END AS earliest_manifest
FROM differing_keys k
LEFT JOIN import_payload i
    ON k.database = i.database
    AND k.collection = i.collection
    AND k.id = i.id
LEFT JOIN export_payload e
    ON k.database = e.database
    AND k.collection = e.collection
    AND k.id = e.id
WHERE k.differs = 1
