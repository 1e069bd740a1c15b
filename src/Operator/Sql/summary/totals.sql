-- Totals over ALL collections of the counts table (verification, status and metrics read these).
SELECT
    CAST(COALESCE(SUM(imported_count), 0) AS BIGINT) AS imported,
    CAST(COALESCE(SUM(exported_count), 0) AS BIGINT) AS exported,
    CAST(COALESCE(SUM(missing_exported_count), 0) AS BIGINT) AS missing_exports,
    CAST(COALESCE(SUM(missing_imported_count), 0) AS BIGINT) AS missing_imports,
    CAST(COALESCE(SUM(mismatched_timestamps_earlier_in_import_count), 0) AS BIGINT) AS mismatched_earlier_in_import,
    CAST(COALESCE(SUM(mismatched_timestamps_earlier_in_export_count), 0) AS BIGINT) AS mismatched_earlier_in_export,
    CAST(COALESCE(SUM(duplicate_imported_count), 0) AS BIGINT) AS duplicate_imports,
    CAST(COALESCE(SUM(duplicate_exported_count), 0) AS BIGINT) AS duplicate_exports
FROM {{counts_table}}
