using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Embedded;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Engines.Embedded;
using KafkaRecon.Tests.Reconciliation;
using static KafkaRecon.Tests.Engines.Embedded.ManifestLine;

namespace KafkaRecon.Tests.Engines.Conformance;

/// <summary>
/// The embedded engine on local folders: a real DuckDB transform of clean manifests, then the real DuckDB query
/// runner. Failing queries are brought about by damaging the Parquet tables the transform wrote; a query phase that
/// is still at work when the deadline or Ctrl-C comes is brought about by a store that holds the report's write open
/// (the queries have run, the runner is publishing) until the runner's token is cancelled.
/// </summary>
internal sealed class EmbeddedConformanceEngine : IConformanceEngine
{
    private readonly EmbeddedRun _run = new();
    private readonly StallingReportStore _store;
    private IReadOnlyList<string> _damaged = [];

    public EmbeddedConformanceEngine(CancellationTokenSource interrupt)
    {
        _store = new StallingReportStore(new LocalObjectStore(), interrupt);
        var s = EmbeddedRun.StartMs;
        _run.WriteImports("imports.txt", Import("a1", s + 1, "db1", "alpha"), Import("a2", s + 2, "db1", "alpha"),
            Import("b1", s + 3, "db1", "beta"));
        _run.WriteExports("exports.txt", Export("a1", s + 1, "db1", "alpha"), Export("a2", s + 2, "db1", "alpha"),
            Export("b1", s + 3, "db1", "beta"));
        Spec = _run.Spec;
        Spec.Coalesce.Enabled = false;
        Spec.Retries.Query = 0;
        Spec.Query.Sets = [QuerySet.Main, QuerySet.Additional];
        QueryRunner = new InterruptingQueryRunner(new DuckDbQueryRunner(_store, TimeProvider.System), interrupt);
    }

    public KafkaReconciliationSpec Spec { get; }

    public EngineSet Engines => new(new ScriptedEngine(), new DamagingTransformer(new DuckDbTransformer(_store), () => _damaged),
        QueryRunner);

    public ISummarySource Summaries => new StoreSummarySource(_ => _store);

    public IObjectStore Reports => _store;

    public IReadOnlyList<string> QueryRunnerCalls => QueryRunner.Calls;

    private InterruptingQueryRunner QueryRunner { get; }

    public Task ArrangeAsync(Situation situation)
    {
        switch (situation)
        {
            case Situation.ReportQueryFails:
                _damaged = [RunLayout.MissingImportsTable];
                break;
            case Situation.AllQueriesFail:
                _damaged = RunLayout.Tables;
                break;
            case Situation.TimedOut:
                Spec.Timeouts.Query = EngineConformanceTests.QueryTimeout;
                _store.Stall = true;
                break;
            case Situation.Cancelled:
                _store.Stall = true;
                _store.InterruptWhenStalled = true;
                break;
        }
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _run.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The real transform, after which the named tables' Parquet files are overwritten with garbage.</summary>
    private sealed class DamagingTransformer(ITransformer inner, Func<IReadOnlyList<string>> damaged) : ITransformer
    {
        public async Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken)
        {
            var observation = await inner.StartAsync(context, cancellationToken);
            foreach (var table in damaged())
            {
                foreach (var file in new ResultTableFolder(context.Layout).Files(table))
                {
                    await File.WriteAllTextAsync(file, "not parquet", cancellationToken);
                }
            }
            return observation;
        }

        public Task<PhaseObservation> PollAsync(PhaseContext context, CancellationToken cancellationToken) =>
            inner.PollAsync(context, cancellationToken);

        public Task CancelAsync(PhaseContext context, CancellationToken cancellationToken) =>
            inner.CancelAsync(context, cancellationToken);
    }
}
