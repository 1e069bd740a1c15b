-- Rejected lines counted per side and reason (the total is status.results.rejectedLines).
SELECT side, reason, COUNT(*) AS line_count
FROM {{rejected_lines_table}}
GROUP BY side, reason
ORDER BY side, reason
