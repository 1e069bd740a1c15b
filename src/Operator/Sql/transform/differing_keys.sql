-- The ids with a row of their own in compared_keys: the differences (present on one side only, or on both with
-- different timestamps) and the export ids whose lines disagree on the data load. Usually a small fraction; their
-- latest lines' source, component and type are fetched by *_payload.sql.
SELECT
    database,
    collection,
    id,
    import_timestamp,
    export_timestamp,
    CASE
        WHEN import_timestamp IS NULL OR export_timestamp IS NULL OR import_timestamp <> export_timestamp THEN 1
        ELSE 0
    END AS differs
FROM compared_keys
WHERE status IS NULL
  AND id IS NOT NULL
