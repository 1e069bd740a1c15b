using KafkaRecon.Entities;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Operator.Notifications;
using KafkaRecon.Operator.Reconciliation;
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

    private static readonly Dictionary<Situation, string> Expected = new()
    {
        [Situation.Success] =
            "Succeeded; Queried=True/Succeeded; Verified=True/VerificationPassed; Ready=True/VerificationPassed; " +
            "Stalled=False/Succeeded; results: imported 3, partial False; exit 0",
        [Situation.ReportQueryFails] =
            "Failed; Queried=False/QueryFailed; Verified=False/PartialReport; Ready=False/PartialReport; " +
            "Stalled=False/Failed; results: imported 3, partial True; exit 3",
        [Situation.AllQueriesFail] =
            "Failed; Queried=False/SummaryFailed; Verified=-; Ready=False/QueryFailed; Stalled=True/QueryFailed; " +
            "results: none; exit 1",
        [Situation.TimedOut] =
            "Failed; Queried=False/TimedOut; Verified=-; Ready=False/QueryFailed; Stalled=True/QueryFailed; " +
            "results: none; exit 1",
        [Situation.Cancelled] =
            "interrupted; Querying; Queried=Unknown/Progressing; Verified=-; Ready=Unknown/Progressing; " +
            "Stalled=False/Progressing; results: none",
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

        Assert.Equal(Expected[situation], outcome);
    }

    private static async Task<string> DriveAsync(IConformanceEngine engine, KafkaReconciliation resource, CancellationToken token)
    {
        var driver = new ReconciliationDriver(
            new FixedEngines(engine.Engines), engine.Summaries, new NoNotifications(), new InMemoryStatusSink(),
            new NoEvents(), NullRunObserver.Instance, TimeProvider.System, NullLogger<ReconciliationDriver>.Instance);
        try
        {
            var finished = await new LocalRun(driver, TimeProvider.System, TimeSpan.FromMilliseconds(50))
                .DriveToCompletionAsync(resource, token);
            return $"{Describe(finished.Status!)}; exit {RunExitCode.For(finished.Status)}";
        }
        catch (OperationCanceledException)
        {
            return $"interrupted; {Describe(resource.Status!)}";
        }
    }

    private static string Describe(KafkaReconciliationStatus status) =>
        $"{status.Phase}; Queried={Condition(status, ConditionTypes.Queried)}; " +
        $"Verified={Condition(status, ConditionTypes.Verified)}; Ready={Condition(status, ConditionTypes.Ready)}; " +
        $"Stalled={Condition(status, ConditionTypes.Stalled)}; results: " +
        (status.Results is { } results ? $"imported {results.Imported}, partial {results.PartialReport}" : "none");

    private static string Condition(KafkaReconciliationStatus status, string type) =>
        Conditions.Find(status.Conditions, type) is { } condition ? $"{condition.Status}/{condition.Reason}" : "-";

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
