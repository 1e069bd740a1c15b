-- Imported records missing from the export, smallest ids first (then database, collection): the first
-- N (spec.verification.sampleSize) are status.results.samples.missingExports; kafka-recon results lists them all in this order.
SELECT database, collection, id, import_timestamp
FROM {{missing_exports_table}}
ORDER BY id, database, collection
LIMIT {{sample_size}}
