SELECT
    COUNT(CASE WHEN imported_count > 0 THEN 1 END) AS imported_collections_count,
    SUM(imported_count) AS imported_count
FROM {{counts_table}}
