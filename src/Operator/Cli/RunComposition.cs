using KafkaRecon.Operator.Coalescing;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Embedded;
using KafkaRecon.Operator.Metrics;
using KafkaRecon.Operator.Notifications;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Storage;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Cli;

/// <summary>Wires one in-process run: the same driver as the controller, with status in memory.</summary>
internal sealed record RunComposition(
    IEventSink Events,
    TimeProvider Time,
    ILoggerFactory Logging,
    HttpClient Http,
    KafkaReconMetrics? Metrics,
    string? SlackWebhookFile)
{
    public ReconciliationDriver CreateDriver()
    {
        var embedded = ReconciliationServices.EmbeddedEngines(Time);
        return new ReconciliationDriver(
            new EngineProvider(embedded, aws: null),
            new StoreSummarySource(ObjectStoreResolver.For),
            new SlackNotifier(Http, LocalWebhookUrlSource.FromProcess(SlackWebhookFile), new SlackDeliveryOptions(), Time,
                Logging.CreateLogger<SlackNotifier>()),
            new InMemoryStatusSink(),
            Events,
            Metrics is null ? NullRunObserver.Instance : new MetricsRunObserver(Metrics),
            Time,
            Logging.CreateLogger<ReconciliationDriver>());
    }
}
