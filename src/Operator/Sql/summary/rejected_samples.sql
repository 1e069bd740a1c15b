-- Up to 20 rejected lines, in a stable order, for the summary and the report.
SELECT side, reason, file, sample
FROM {{rejected_lines_table}}
ORDER BY side, reason, file, sample
LIMIT 20
