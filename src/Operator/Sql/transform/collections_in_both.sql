-- (database, collection) pairs with at least one id present on both sides: the detail tables are restricted to them,
-- so only their differing ids need their latest lines (differing_keys). An id present on both sides is imported and
-- not missing from the export.
SELECT database, collection
FROM compared_keys
WHERE status IS NULL
GROUP BY database, collection
HAVING SUM(imported_count) - COUNT(CASE WHEN id IS NOT NULL AND import_timestamp IS NOT NULL AND export_timestamp IS NULL THEN 1 END) > 0
