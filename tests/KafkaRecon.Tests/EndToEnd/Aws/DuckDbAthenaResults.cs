using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Aws;
using KafkaRecon.Operator.Engines.Embedded;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Sql;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Tests.EndToEnd.Aws;

/// <summary>One result moto hands out for one Athena statement (moto queues them and does not execute SQL).</summary>
internal sealed record AthenaResult(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>
/// What Athena would answer for a run, computed by running the very SQL the AthenaQueryRunner sends on DuckDB over
/// the run's Parquet tables, in the order the runner starts its statements: the four table DDLs (no rows), the
/// selected report queries in catalog order, then the summary queries. NULL stays a missing VarCharValue.
/// </summary>
internal static class DuckDbAthenaResults
{
    public static IReadOnlyList<AthenaResult> Compute(RunLayout tables, QuerySpec query, DateTimeOffset windowStart, string scratch)
    {
        using var session = DuckDbSession.Open(DuckDbSettings.From(new TransformSpec(), scratch));
        DuckDbResultTables.Register(session, new ResultTableFolder(tables), CancellationToken.None);
        var parameters = ReportSql.Parameters(IdentifierQuoting.DoubleQuotes, table => table, query.IdsPerCollection, windowStart);
        var results = RunLayout.Tables.Select(_ => new AthenaResult(["result"], [])).ToList();
        results.AddRange(ReportQueryCatalog.Select(query.Sets).Select(q => Run(session, q.Render(parameters))));
        results.AddRange(SummaryAssembly.Queries.Select(path => Run(session, ReportSql.Summary(path, parameters))));
        return results;
    }

    private static AthenaResult Run(DuckDbSession session, string sql)
    {
        var rows = new List<IReadOnlyList<string?>>();
        var columns = session.Query(sql, reader => rows.Add(Enumerable.Range(0, reader.FieldCount)
            .Select(column => reader.IsDBNull(column) ? null : ReportValueFormatter.Format(reader.GetValue(column)))
            .ToList()), CancellationToken.None);
        return new AthenaResult(columns, rows);
    }
}
