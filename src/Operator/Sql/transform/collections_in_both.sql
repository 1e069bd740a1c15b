-- (database, collection) pairs with at least one id present on both sides: the detail tables are restricted to them.
SELECT database, collection
FROM collection_counts
WHERE both_sides_count > 0
