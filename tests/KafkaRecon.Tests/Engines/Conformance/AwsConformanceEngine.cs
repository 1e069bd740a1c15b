using KafkaRecon.Entities;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Aws;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Aws;
using KafkaRecon.Tests.Engines.Aws;
using KafkaRecon.Tests.Reconciliation;

namespace KafkaRecon.Tests.Engines.Conformance;

/// <summary>
/// The AWS engine's query runner on moto, through a proxy. moto runs no SQL: the answers are queued in start order
/// (five DDL statements, the eight main and ten additional queries, the six summary queries), and the proxy plays
/// Athena failing a query or still running every query. The Glue transform is not under test here and simply
/// succeeds.
/// </summary>
internal sealed class AwsConformanceEngine : IConformanceEngine
{
    /// <summary>Only additional/04 (missing imported ids) selects these columns.</summary>
    private const string MissingImportedIds = "SELECT database, collection, id, export_timestamp, export_component, export_type";

    private readonly MotoServer _moto;
    private readonly FaultProxy _proxy;
    private readonly AwsClients _clients;
    private readonly AwsClients _proxied;
    private readonly InterruptingQueryRunner _queryRunner;

    private AwsConformanceEngine(MotoServer moto, FaultProxy proxy, string bucket, CancellationTokenSource interrupt)
    {
        _moto = moto;
        _proxy = proxy;
        _clients = moto.Clients();
        _proxied = moto.Clients(proxy.Endpoint);
        Spec = AwsPhaseContexts.Spec(bucket);
        Spec.Engine = EngineKind.Aws;
        Spec.Coalesce.Enabled = false;
        Spec.Retries.Query = 0;
        Spec.Transform.GlueJobName = "manifest-etl";
        Spec.Query.Database = "manifestetl";
        Spec.Query.Sets = [QuerySet.Main, QuerySet.Additional];
        _queryRunner = new InterruptingQueryRunner(
            new AthenaQueryRunner(_proxied.Athena, new S3ObjectStore(_proxied.S3), TimeProvider.System), interrupt);
    }

    public KafkaReconciliationSpec Spec { get; }

    public EngineSet Engines => new(new ScriptedEngine(), new ScriptedEngine(), _queryRunner);

    public ISummarySource Summaries => new StoreSummarySource(_ => Reports);

    public IObjectStore Reports => new S3ObjectStore(_clients.S3);

    public IReadOnlyList<string> QueryRunnerCalls => _queryRunner.Calls;

    public static async Task<AwsConformanceEngine> CreateAsync(MotoServer moto, CancellationTokenSource interrupt)
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        clients.Dispose();
        return new AwsConformanceEngine(moto, await FaultProxy.StartAsync(moto.Endpoint), bucket, interrupt);
    }

    public async Task ArrangeAsync(Situation situation)
    {
        switch (situation)
        {
            case Situation.ReportQueryFails:
                await InjectAsync(failing: MissingImportedIds);
                FailQueries(r => r.Body.Contains(MissingImportedIds, StringComparison.Ordinal));
                break;
            case Situation.AllQueriesFail:
                FailQueries(r => !r.Body.Contains("CREATE EXTERNAL TABLE", StringComparison.Ordinal));
                break;
            case Situation.TimedOut:
                Spec.Timeouts.Query = EngineConformanceTests.QueryTimeout;
                KeepQueriesRunning();
                break;
            case Situation.Cancelled:
                KeepQueriesRunning();
                _queryRunner.InterruptAfterStart = true;
                break;
            default:
                await InjectAsync(failing: null);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _proxied.Dispose();
        _clients.Dispose();
        await _proxy.DisposeAsync();
    }

    /// <summary>The statements the proxy's predicate picks are started as 'failing-query', which ends FAILED.</summary>
    private void FailQueries(Func<ProxiedRequest, bool> statement)
    {
        _proxy.Answer(r => r.Operation == "StartQueryExecution" && statement(r),
            _ => """{"QueryExecutionId": "failing-query"}""");
        _proxy.Answer(r => r.Operation == "GetQueryExecution" && r.Body.Contains("failing-query", StringComparison.Ordinal), _ => """
            {"QueryExecution": {"QueryExecutionId": "failing-query", "Query": "SELECT",
             "Status": {"State": "FAILED", "StateChangeReason": "COLUMN_NOT_FOUND: line 1:8: Column cannot be resolved"}}}
            """);
    }

    /// <summary>Every statement moto ran reads back as still RUNNING, as a long Athena query does.</summary>
    private void KeepQueriesRunning() => _proxy.Rewrite(r => r.Operation == "GetQueryExecution",
        (_, body) => body.Replace("\"SUCCEEDED\"", "\"RUNNING\"", StringComparison.Ordinal));

    /// <summary>
    /// Answers of a clean run (three records, all exported). The query whose SQL contains <paramref name="failing"/>
    /// never reaches moto, so it gets no answer queued.
    /// </summary>
    private Task InjectAsync(string? failing)
    {
        var empty = ((IReadOnlyList<string>)["value"], (IReadOnlyList<IReadOnlyList<string?>>)[]);
        var results = new List<(IReadOnlyList<string>, IReadOnlyList<IReadOnlyList<string?>>)> { empty, empty, empty, empty, empty };
        // Started in catalog order: main 01-08, then additional 01-10; the twelfth is additional/04.
        results.AddRange(Enumerable.Range(1, 18).Where(order => order != 12 || failing is null).Select(_ => empty));
        results.Add((["imported", "exported", "missing_exports", "missing_imports", "mismatched_earlier_in_import",
            "mismatched_earlier_in_export", "duplicate_imports", "duplicate_exports"], [["3", "3", "0", "0", "0", "0", "0", "0"]]));
        results.Add((["database", "collection", "imported_count", "exported_count", "missing_exported_count",
                "missing_imported_count", "mismatched_timestamps_earlier_in_import_count",
                "mismatched_timestamps_earlier_in_export_count", "duplicate_imported_count", "duplicate_exported_count"],
            [["db1", "alpha", "2", "2", "0", "0", "0", "0", "0", "0"], ["db1", "beta", "1", "1", "0", "0", "0", "0", "0", "0"]]));
        results.Add((["database", "collection"], []));
        results.Add((["database"], []));
        results.Add((["side", "reason", "line_count"], []));
        results.Add((["side", "reason", "file", "sample"], []));
        return MotoAthena.InjectManyAsync(_moto, results);
    }
}
