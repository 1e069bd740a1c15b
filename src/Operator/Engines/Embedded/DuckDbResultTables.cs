namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// Makes a run's published Parquet tables queryable under their own names in a session's database (visible to
/// forked connections too). The small counts table is loaded into memory; the detail tables stay views on Parquet.
/// </summary>
internal static class DuckDbResultTables
{
    public static void Register(DuckDbSession session, ResultTableFolder tables, CancellationToken cancellationToken)
    {
        foreach (var table in RunLayout.Tables)
        {
            var scan = $"SELECT * FROM read_parquet({DuckDbLiteral.List(tables.Files(table))})";
            session.Execute(table == RunLayout.CountsTable
                ? $"CREATE OR REPLACE TABLE {table} AS {scan}"
                : $"CREATE OR REPLACE VIEW {table} AS {scan}", cancellationToken);
        }
    }
}
