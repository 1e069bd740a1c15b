SELECT c.database, c.collection
FROM {{counts_table}} c
INNER JOIN (
    SELECT database
    FROM {{counts_table}}
    GROUP BY database
    HAVING SUM(imported_count) > 0
) imported_databases
    ON c.database = imported_databases.database
WHERE c.exported_count > 0
  AND c.imported_count = 0
ORDER BY c.database, c.collection
