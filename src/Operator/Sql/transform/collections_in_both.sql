-- (database, collection) pairs with at least one id present on both sides: the detail tables are restricted to them.
SELECT database, collection
FROM joined
WHERE import_timestamp IS NOT NULL
  AND export_timestamp IS NOT NULL
GROUP BY database, collection
