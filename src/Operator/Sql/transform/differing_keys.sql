-- The ids with a row of their own in compared_keys that need their latest lines: the differences (present on one
-- side only, or on both with different timestamps) in collections present on both sides (the detail tables show no
-- others), and the export ids whose lines disagree on the data load (collection_counts needs their latest line's
-- component), wherever they are. Usually a small fraction; their latest lines' source, component and type are fetched
-- by *_candidate_lines.sql and *_payload.sql.
SELECT
    k.database,
    k.collection,
    k.id,
    k.import_timestamp,
    k.export_timestamp,
    CASE
        WHEN b.database IS NOT NULL
            AND (k.import_timestamp IS NULL OR k.export_timestamp IS NULL OR k.import_timestamp <> k.export_timestamp)
        THEN 1
        ELSE 0
    END AS differs
FROM compared_keys k
LEFT JOIN collections_in_both b
    ON k.database = b.database
    AND k.collection = b.collection
WHERE k.status IS NULL
  AND k.id IS NOT NULL
  AND (b.database IS NOT NULL OR (k.export_timestamp IS NOT NULL AND k.exported_count_from_data_load = 0
                                  AND k.exported_count_from_streaming_feed = 0))
