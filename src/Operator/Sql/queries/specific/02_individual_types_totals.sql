SELECT label, id_count
FROM (
SELECT 'Total missing imports' AS label, COUNT(*) AS id_count FROM {{missing_imports_table}}
UNION ALL
SELECT 'Total missing imports of type insert' AS label, COUNT(*) AS id_count FROM {{missing_imports_table}}
WHERE LOWER(export_type) = 'mongo_insert'
UNION ALL
SELECT 'Total missing imports of type update' AS label, COUNT(*) AS id_count FROM {{missing_imports_table}}
WHERE LOWER(export_type) = 'mongo_update'
UNION ALL
SELECT 'Total missing imports of type delete' AS label, COUNT(*) AS id_count FROM {{missing_imports_table}}
WHERE LOWER(export_type) = 'mongo_delete'
UNION ALL
SELECT 'Total missing imports of type import' AS label, COUNT(*) AS id_count FROM {{missing_imports_table}}
WHERE LOWER(export_type) = 'mongo_import'
UNION ALL
SELECT 'Total missing imports of type other' AS label, COUNT(*) AS id_count FROM {{missing_imports_table}}
WHERE export_type IS NULL
   OR LOWER(export_type) NOT IN ('mongo_insert', 'mongo_update', 'mongo_delete', 'mongo_import')
UNION ALL
SELECT 'Total missing exports' AS label, COUNT(*) AS id_count FROM {{missing_exports_table}}
UNION ALL
SELECT 'Total missing exports of type insert' AS label, COUNT(*) AS id_count FROM {{missing_exports_table}}
WHERE LOWER(import_type) = 'mongo_insert'
UNION ALL
SELECT 'Total missing exports of type update' AS label, COUNT(*) AS id_count FROM {{missing_exports_table}}
WHERE LOWER(import_type) = 'mongo_update'
UNION ALL
SELECT 'Total missing exports of type delete' AS label, COUNT(*) AS id_count FROM {{missing_exports_table}}
WHERE LOWER(import_type) = 'mongo_delete'
UNION ALL
SELECT 'Total missing exports of type import' AS label, COUNT(*) AS id_count FROM {{missing_exports_table}}
WHERE LOWER(import_type) = 'mongo_import'
UNION ALL
SELECT 'Total missing exports of type other' AS label, COUNT(*) AS id_count FROM {{missing_exports_table}}
WHERE import_type IS NULL
   OR LOWER(import_type) NOT IN ('mongo_insert', 'mongo_update', 'mongo_delete', 'mongo_import')
) type_totals
ORDER BY label
