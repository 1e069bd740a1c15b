-- Databases whose collections together have imports but no exports.
SELECT database
FROM {{counts_table}}
GROUP BY database
HAVING SUM(imported_count) > 0
   AND SUM(exported_count) = 0
ORDER BY database
