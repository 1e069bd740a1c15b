using System.Text.Json;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Operator.Notifications;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Aws;
using Microsoft.Extensions.Logging.Abstractions;

namespace KafkaRecon.Tests.Engines.Conformance;

/// <summary>
/// Every engine ends the same situation the same way: the same phase outcome, the same status conditions and
/// results, the same exit code of <c>kafka-recon run</c>. Runs the real query runners (DuckDB on local files, Athena
/// on moto) under the real driver and planner, as <c>run</c> does.
/// </summary>
[Trait("Category", "Slow")]
[Collection(MotoCollection.Name)]
public sealed class EngineConformanceTests(MotoServer moto) : IAsyncLifetime
{
    private const string Embedded = "embedded";
    private const string Aws = "aws";

    /// <summary>Long enough for the queries to be under way, short enough to keep the suite quick.</summary>
    public const string QueryTimeout = "1s";

    private const string NoSamples =
        "\"samples\":{\"missingExports\":[],\"missingImports\":[],\"mismatchedTimestamps\":[]},";

    private const string CleanTotals =
        "\"ignoredCollections\":0,\"imported\":3,\"exported\":3,\"missingExports\":0,\"missingImports\":0,\"mismatchedTimestamps\":0," +
        "\"mismatchedEarlierInImport\":0,\"mismatchedEarlierInExport\":0,\"missingCollections\":0,\"missingDatabases\":0,\"rejectedLines\":0,\"duplicateImports\":0,\"duplicateExports\":0}";

    private const string CoalesceSkipped = "Coalesced=True/Skipped, ";

    private static readonly Dictionary<Situation, string> Expected = new()
    {
        [Situation.Success] =
            $"Succeeded; {CoalesceSkipped}Queried=True/Succeeded, Ready=True/VerificationPassed, Reconciling=False/Succeeded, " +
            "Stalled=False/Succeeded, Transformed=True/Succeeded, Verified=True/VerificationPassed; " +
            $"results: {{\"reportLocation\":null,\"partialReport\":false,{NoSamples}\"decidedBy\":null,{CleanTotals}; failed queries: []; " +
            "reports: json True, text True; engine cancelled: False; exit 0",
        [Situation.ReportQueryFails] =
            $"Failed; {CoalesceSkipped}Queried=False/QueryFailed, Ready=False/PartialReport, Reconciling=False/Failed, " +
            "Stalled=False/Failed, Transformed=True/Succeeded, Verified=False/PartialReport; " +
            $"results: {{\"reportLocation\":null,\"partialReport\":true,{NoSamples}\"decidedBy\":\"spec.verification\",{CleanTotals}; " +
            "failed queries: [Missing imported ids]; reports: json True, text True; engine cancelled: False; exit 3",
        [Situation.AllQueriesFail] =
            $"Failed; {CoalesceSkipped}Queried=False/SummaryFailed, Ready=False/SummaryFailed, Reconciling=False/Failed, " +
            "Stalled=True/SummaryFailed, Transformed=True/Succeeded; " +
            "results: none; failed queries: -; reports: json False, text False; engine cancelled: False; exit 1",
        [Situation.TimedOut] =
            $"Failed; {CoalesceSkipped}Queried=False/TimedOut, Ready=False/TimedOut, Reconciling=False/Failed, " +
            "Stalled=True/TimedOut, Transformed=True/Succeeded; " +
            "results: none; failed queries: -; reports: json False, text False; engine cancelled: True; exit 1",
        [Situation.Cancelled] =
            $"interrupted; Querying; {CoalesceSkipped}Queried=Unknown/Progressing, Ready=Unknown/Progressing, " +
            "Reconciling=True/Progressing, Stalled=False/Progressing, Transformed=True/Succeeded; " +
            "results: none; failed queries: -; reports: json False, text False; engine cancelled: True",
    };

    public static TheoryData<string, Situation> Cases()
    {
        var cases = new TheoryData<string, Situation>();
        foreach (var situation in Enum.GetValues<Situation>())
        {
            cases.Add(Embedded, situation);
            cases.Add(Aws, situation);
        }
        return cases;
    }

    public Task InitializeAsync() => moto.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_engine_ends_the_situation_with_the_same_outcome_status_and_exit_code(
        string engineName, Situation situation)
    {
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var engine = engineName == Embedded
            ? (IConformanceEngine)new EmbeddedConformanceEngine(interrupt)
            : await AwsConformanceEngine.CreateAsync(moto, interrupt);
        await engine.ArrangeAsync(situation);
        var resource = Resource(engine.Spec);

        var outcome = await DriveAsync(engine, resource, interrupt.Token);

        // The whole line on failure: Assert.Equal would cut a long string short.
        Assert.True(Expected[situation] == outcome, $"Expected: {Expected[situation]}\nActual:   {outcome}");
    }

    /// <summary>
    /// Everything a user sees of the run: the phase, every condition, all totals and collections in
    /// <c>status.results</c>, the failed queries the summary names, which reports exist, whether the engine was told
    /// to cancel its work, and the exit code of <c>run</c>.
    /// </summary>
    private static async Task<string> DriveAsync(IConformanceEngine engine, KafkaReconciliation resource, CancellationToken token)
    {
        var driver = new ReconciliationDriver(
            new FixedEngines(engine.Engines), engine.Summaries, new NoNotifications(), new InMemoryStatusSink(),
            new NoEvents(), NullRunObserver.Instance, TimeProvider.System, NullLogger<ReconciliationDriver>.Instance);
        try
        {
            var finished = await new LocalRun(driver, TimeProvider.System, TimeSpan.FromMilliseconds(50))
                .DriveToCompletionAsync(resource, token);
            return $"{await DescribeAsync(engine, resource)}; exit {RunExitCode.For(finished.Status)}";
        }
        catch (OperationCanceledException)
        {
            return $"interrupted; {await DescribeAsync(engine, resource)}";
        }
    }

    private static async Task<string> DescribeAsync(IConformanceEngine engine, KafkaReconciliation resource)
    {
        var status = resource.Status!;
        var layout = new RunLayout(resource.Spec.Output.Location, status.RunId!);
        var reports = engine.Reports;
        var failed = await reports.ExistsAsync(layout.Summary, CancellationToken.None)
            ? $"[{string.Join(", ", (await engine.Summaries.ReadAsync(layout.Summary, CancellationToken.None)).FailedQueries)}]"
            : "-";
        var conditions = status.Conditions.OrderBy(c => c.Type, StringComparer.Ordinal)
            .Select(c => $"{c.Type}={c.Status}/{c.Reason}");
        return $"{status.Phase}; {string.Join(", ", conditions)}; results: {Results(status.Results)}; failed queries: {failed}; " +
            $"reports: json {await reports.ExistsAsync(layout.JsonReport, CancellationToken.None)}, " +
            $"text {await reports.ExistsAsync(layout.TextReport, CancellationToken.None)}; engine cancelled: {engine.QueryRunnerCalls.Contains("cancel")}";
    }

    /// <summary>All of <c>status.results</c> (every total, every collection) but the engine's own report location.</summary>
    private static string Results(ReconciliationResults? results) =>
        results is null ? "none" : JsonSerializer.Serialize(results with { ReportLocation = null });

    private static KafkaReconciliation Resource(KafkaReconciliationSpec spec)
    {
        spec.Window = new WindowSpec { Start = WindowStart(spec), End = WindowStart(spec).AddDays(1) };
        return new KafkaReconciliation
        {
            Metadata = new k8s.Models.V1ObjectMeta
            {
                Name = "nightly", NamespaceProperty = "recon", Uid = Guid.NewGuid().ToString(), Generation = 1,
            },
            Spec = spec,
        };
    }

    private static DateTimeOffset WindowStart(KafkaReconciliationSpec spec) =>
        spec.Window.Start ?? Engines.Aws.AwsPhaseContexts.Window.Start;

    private sealed class FixedEngines(Operator.Engines.EngineSet set) : Operator.Engines.IEngineProvider
    {
        public Operator.Engines.EngineSet For(EngineKind engine) => set;
    }

    private sealed class NoEvents : IEventSink
    {
        public Task EmitAsync(KafkaReconciliation resource, EventSeverity severity, string reason, string message,
            CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class NoNotifications : INotifier
    {
        public Task<NotificationResult> NotifyAsync(OutcomeNotification notification, CancellationToken cancellationToken) =>
            Task.FromResult(NotificationResult.Sent(1));
    }
}
