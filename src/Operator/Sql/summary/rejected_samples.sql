-- Up to 20 rejected lines, in a stable order, for the summary and the report. A line_number left empty by the engine
-- is found afterwards by reading only the files these samples name (RejectedSampleLines).
SELECT side, reason, file, sample, line_number
FROM {{rejected_lines_table}}
ORDER BY side, reason, file, line_number, sample
LIMIT 20
