-- Records whose timestamps differ, smallest ids first (then database, collection): the first N (spec.verification.sampleSize) are
-- status.results.samples.mismatchedTimestamps; kafka-recon results lists them all in this order.
SELECT database, collection, id, import_timestamp, export_timestamp
FROM {{mismatched_timestamps_table}}
ORDER BY id, database, collection
LIMIT {{sample_size}}
