SELECT c.database, c.collection
FROM {{counts_table}} c
INNER JOIN (
    SELECT database
    FROM {{counts_table}}
    GROUP BY database
    HAVING SUM(exported_count) > 0
) exported_databases
    ON c.database = exported_databases.database
WHERE c.imported_count > 0
  AND c.exported_count = 0
ORDER BY c.database, c.collection
