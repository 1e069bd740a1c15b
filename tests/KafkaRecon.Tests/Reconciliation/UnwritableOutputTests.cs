using KafkaRecon.Entities;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Operator.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace KafkaRecon.Tests.Reconciliation;

public sealed class UnwritableOutputTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("krecon-unwritable-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Output_location_under_a_file_fails_the_run_with_a_reason_instead_of_retrying_silently()
    {
        var import = Directory.CreateDirectory(Path.Combine(_root.FullName, "import")).FullName;
        var export = Directory.CreateDirectory(Path.Combine(_root.FullName, "export")).FullName;
        File.WriteAllText(Path.Combine(import, "a.txt"), "a|1709251200000|db|c|STREAMED|K2HB|a|KAFKA_RECORD\n");
        File.WriteAllText(Path.Combine(export, "a.csv"), "x|1709251200000|db|c|EXPORT|K2HB|a|MONGO_INSERT\n");
        var file = Path.Combine(_root.FullName, "truth.json");
        File.WriteAllText(file, "{}");
        var resource = new KafkaReconciliation
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = "r", NamespaceProperty = "ns", Uid = "u", Generation = 1 },
            Spec = new KafkaReconciliationSpec
            {
                Engine = EngineKind.Embedded,
                Window = new WindowSpec { Start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero) },
                Manifests = new ManifestsSpec { ImportLocation = import, ExportLocation = export },
                Output = new OutputSpec { Location = Path.Combine(file, "out") },
                Retries = new RetriesSpec { Coalesce = 0, Transform = 0, Query = 0 },
            },
        };
        var time = TimeProvider.System;
        var store = new LocalObjectStore();
        var driver = new ReconciliationDriver(
            KafkaRecon.Operator.Composition.EngineComposition.Engines(time, store, aws: null!), new Operator.Reports.StoreSummarySource(_ => store),
            new KafkaRecon.Operator.Notifications.SlackNotifier(new HttpClient(), new KafkaRecon.Operator.Notifications.LocalWebhookUrlSource(null, _ => null),
                new KafkaRecon.Operator.Notifications.SlackDeliveryOptions(), time),
            new InMemoryStatusSink(), new NoEvents(), NullRunObserver.Instance, time,
            NullLogger<ReconciliationDriver>.Instance);

        var finished = await new LocalRun(driver, time).DriveToCompletionAsync(resource, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ReconciliationPhase.Failed, finished.Status!.Phase);
        Assert.Equal(Conditions.True, Conditions.Find(finished.Status.Conditions, ConditionTypes.Stalled)!.Status);
    }

    private sealed class NoEvents : IEventSink
    {
        public Task EmitAsync(KafkaReconciliation resource, EventSeverity severity, string reason, string message,
            CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
