using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Reports;
using static KafkaRecon.Tests.Engines.Embedded.ManifestLine;

namespace KafkaRecon.Tests.Engines.Embedded;

/// <summary>
/// Runs with DuckDB's default resources share one in-process database (<c>SharedDuckDb</c>): concurrent runs on
/// different data must each get exactly their own tables and reports.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SharedDatabaseRunTests
{
    private static readonly long S = EmbeddedRun.StartMs;

    [Fact(Timeout = 120_000)]
    public async Task Concurrent_runs_on_the_shared_database_each_get_exactly_their_own_tables_and_reports()
    {
        var runs = Enumerable.Range(1, 6).Select(Prepare).ToList();
        try
        {
            var transforms = await Task.WhenAll(runs.Select(run => Task.Run(run.TransformAsync)));
            Assert.All(transforms, t => Assert.True(t.State == ObservedState.Succeeded, $"{t.Reason}: {t.Message}"));
            var queries = await Task.WhenAll(runs.Select(run => Task.Run(run.QueryAsync)));
            Assert.All(queries, q => Assert.True(q.State == ObservedState.Succeeded, $"{q.Reason}: {q.Message}"));

            for (var size = 1; size <= runs.Count; size++)
            {
                var run = runs[size - 1];
                Assert.Equal([$"db{size}|c{size}|{size + 1}|{size}|0|{size}|0|1|0|0"], run.Counts());
                var summary = await new ReportSummaryReader(run.Store).ReadAsync(run.Layout.Summary, CancellationToken.None);
                Assert.Equal(size + 1, summary.Totals.Imported);
                Assert.Equal(size, summary.Totals.Exported);
                Assert.Equal(1, summary.Totals.MissingExports);
                Assert.Equal([new CollectionKey($"db{size}", $"c{size}")],
                    summary.Collections.Select(c => new CollectionKey(c.Database, c.Collection)));
            }
        }
        finally
        {
            runs.ForEach(run => run.Dispose());
        }
    }

    /// <summary>Run <paramref name="size"/>: size + 1 imports and size exports in db{size}.c{size}, one export missing.</summary>
    private static EmbeddedRun Prepare(int size)
    {
        var run = new EmbeddedRun();
        run.Spec.Transform = new TransformSpec();
        var ids = Enumerable.Range(0, size + 1).Select(i => $"id{size}-{i}").ToList();
        run.WriteImports("k2hb.txt", [.. ids.Select(id => Import(id, S + 1000, $"db{size}", $"c{size}"))]);
        run.WriteExports("htme.txt", [.. ids.Skip(1).Select(id => Export(id, S + 1000, $"db{size}", $"c{size}"))]);
        return run;
    }
}
