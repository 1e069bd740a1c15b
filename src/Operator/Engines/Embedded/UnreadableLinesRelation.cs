using KafkaRecon.Operator.Sql;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// Registers <see cref="ComparisonSql.UnreadableLines"/> (side, reason, file, line_number, sample): empty on the fast
/// path, or the lines <see cref="ManifestAudit"/> set aside. rejected_lines.sql adds them to the rejected lines.
/// </summary>
internal static class UnreadableLinesRelation
{
    public static void Register(DuckDbSession session, string? linesFile, CancellationToken cancellationToken) =>
        session.Execute($"CREATE OR REPLACE TEMP VIEW {ComparisonSql.UnreadableLines} AS {Select(linesFile)}", cancellationToken);

    private static string Select(string? linesFile) => linesFile is null
        ? "SELECT CAST(NULL AS VARCHAR) AS side, CAST(NULL AS VARCHAR) AS reason, CAST(NULL AS VARCHAR) AS file, " +
          "CAST(NULL AS BIGINT) AS line_number, CAST(NULL AS VARCHAR) AS sample WHERE 1 = 0"
        : $"SELECT * FROM read_csv({DuckDbLiteral.String(linesFile)}, delim = '|', quote = '\"', escape = '\"', " +
          "header = false, auto_detect = false, " +
          "columns = {'side': 'VARCHAR', 'reason': 'VARCHAR', 'file': 'VARCHAR', 'line_number': 'BIGINT', 'sample': 'VARCHAR'})";
}
