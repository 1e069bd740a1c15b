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
/// (five DDL statements, the eight main queries, the six summary queries), and the proxy plays Athena failing a
/// query. The Glue transform is not under test here and simply succeeds.
/// </summary>
internal sealed class AwsConformanceEngine : IConformanceEngine
{
    private const string MissingIdCounts = "percentage_missing";

    private readonly MotoServer _moto;
    private readonly FaultProxy _proxy;
    private readonly AwsClients _clients;
    private readonly AwsClients _proxied;
    private readonly IQueryRunner _queryRunner;
    private readonly InterruptingQueryRunner _interrupting;
    private bool _interrupted;

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
        _queryRunner = new AthenaQueryRunner(_proxied.Athena, new S3ObjectStore(_proxied.S3), TimeProvider.System);
        _interrupting = new InterruptingQueryRunner(_queryRunner, interrupt);
    }

    public KafkaReconciliationSpec Spec { get; }

    public EngineSet Engines => new(new ScriptedEngine(), new ScriptedEngine(), _interrupted ? _interrupting : _queryRunner);

    public ISummarySource Summaries => new StoreSummarySource(_ => new S3ObjectStore(_clients.S3));

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
                await InjectAsync(failing: MissingIdCounts);
                FailQueries(r => r.Body.Contains(MissingIdCounts, StringComparison.Ordinal));
                break;
            case Situation.AllQueriesFail:
                FailQueries(r => !r.Body.Contains("CREATE EXTERNAL TABLE", StringComparison.Ordinal));
                break;
            case Situation.TimedOut:
                Spec.Timeouts.Query = "1ms";
                break;
            case Situation.Cancelled:
                _interrupted = true;
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

    /// <summary>
    /// Answers of a clean run (three records, all exported). The query whose SQL contains <paramref name="failing"/>
    /// never reaches moto, so it gets no answer queued.
    /// </summary>
    private Task InjectAsync(string? failing)
    {
        var empty = ((IReadOnlyList<string>)["value"], (IReadOnlyList<IReadOnlyList<string?>>)[]);
        var results = new List<(IReadOnlyList<string>, IReadOnlyList<IReadOnlyList<string?>>)> { empty, empty, empty, empty, empty };
        // The seventh main query is the one listing missing exported id counts.
        results.AddRange(Enumerable.Range(1, 8).Where(order => order != 7 || failing is null).Select(_ => empty));
        results.Add((["imported", "exported", "missing_exports", "missing_imports", "mismatched_earlier_in_import",
            "mismatched_earlier_in_export"], [["3", "3", "0", "0", "0", "0"]]));
        results.Add((["database", "collection", "imported_count", "exported_count", "missing_exported_count",
                "missing_imported_count", "mismatched_timestamps_earlier_in_import_count",
                "mismatched_timestamps_earlier_in_export_count"],
            [["db1", "alpha", "2", "2", "0", "0", "0", "0"], ["db1", "beta", "1", "1", "0", "0", "0", "0"]]));
        results.Add((["database", "collection"], []));
        results.Add((["database"], []));
        results.Add((["side", "reason", "line_count"], []));
        results.Add((["side", "reason", "file", "sample"], []));
        return MotoAthena.InjectManyAsync(_moto, results);
    }
}
