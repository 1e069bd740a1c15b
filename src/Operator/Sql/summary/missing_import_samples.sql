-- Exported records missing from the import, smallest ids first (then database, collection): the first
-- N (spec.verification.sampleSize) are status.results.samples.missingImports; kafka-recon results lists them all in this order.
SELECT database, collection, id, export_timestamp
FROM {{missing_imports_table}}
ORDER BY id, database, collection
LIMIT {{sample_size}}
