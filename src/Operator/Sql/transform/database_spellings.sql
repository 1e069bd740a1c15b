-- With spec.comparison.databaseNames hyphenate: each compared (database, collection)'s name as each side writes it
-- (the smallest when a side writes it several ways), so the counts keep both spellings. Empty when names are compared
-- as written: then no line is read here.
SELECT
    database,
    collection,
    MIN(import_database) AS import_database,
    MIN(export_database) AS export_database
FROM (
    SELECT database, collection, import_database, CAST(NULL AS VARCHAR(255)) AS export_database, status
    FROM import_classified
    WHERE {{hyphenate_database_names}} = 1
    UNION ALL
    SELECT database, collection, CAST(NULL AS VARCHAR(255)) AS import_database, export_database, status
    FROM export_classified
    WHERE {{hyphenate_database_names}} = 1
) spelled
WHERE status IS NULL
GROUP BY database, collection
