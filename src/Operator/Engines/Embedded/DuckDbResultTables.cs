using DuckDB.NET.Data;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// Makes a run's published Parquet tables queryable under their own names in a session's database (visible to
/// forked connections too). The small counts table is loaded into memory; the detail tables stay views on Parquet.
/// </summary>
internal static class DuckDbResultTables
{
    private const string LineNumberColumn = "line_number";

    /// <summary>
    /// Registers every table it can read. A detail table that cannot be read is left out so only the queries that
    /// use it fail; its problem is returned, by table name. An unreadable counts table throws: nothing works without it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Register(
        DuckDbSession session, ResultTableFolder tables, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in RunLayout.Tables)
        {
            var scan = $"SELECT * FROM read_parquet({DuckDbLiteral.List(tables.Files(table))})";
            if (table == RunLayout.CountsTable)
            {
                session.Execute($"CREATE OR REPLACE TABLE {table} AS {scan}", cancellationToken);
                continue;
            }
            try
            {
                session.Execute($"CREATE OR REPLACE VIEW {table} AS {scan}", cancellationToken);
                if (table == RunLayout.RejectedLinesTable && !HasColumn(session, table, LineNumberColumn, cancellationToken))
                {
                    // Published before rejected lines carried their line: the summary query reads the column.
                    session.Execute(
                        $"CREATE OR REPLACE VIEW {table} AS SELECT *, CAST(NULL AS BIGINT) AS {LineNumberColumn} FROM ({scan})",
                        cancellationToken);
                }
            }
            catch (DuckDBException exception) when (!cancellationToken.IsCancellationRequested)
            {
                problems[table] = exception.Message.ReplaceLineEndings(" ");
            }
        }
        return problems;
    }

    private static bool HasColumn(DuckDbSession session, string table, string column, CancellationToken cancellationToken) =>
        session.Query($"SELECT * FROM {table} LIMIT 0", _ => { }, cancellationToken).Contains(column, StringComparer.Ordinal);
}
