using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Metrics;
using KafkaRecon.Operator.Notifications;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Operator.Reports;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Composition;

/// <summary>
/// Wires one in-process run: the same driver as the controller, with status in memory; <see cref="Aws"/> serves
/// s3:// locations and <c>spec.engine: aws</c>, built only when first needed; <see cref="Status"/> is where status
/// is kept (in memory or a state file: there is no API server).
/// </summary>
internal sealed record RunComposition(
    IEventSink Events,
    TimeProvider Time,
    ILoggerFactory Logging,
    HttpClient Http,
    KafkaReconMetrics? Metrics,
    string? SlackWebhookFile,
    LazyAwsClients Aws,
    IStatusSink Status)
{
    public ReconciliationDriver CreateDriver()
    {
        var store = Aws.CreateStore();
        return new ReconciliationDriver(
            EngineComposition.Engines(Time, store, Aws),
            new StoreSummarySource(_ => store),
            new SlackNotifier(Http, LocalWebhookUrlSource.FromProcess(SlackWebhookFile), new SlackDeliveryOptions(), Time,
                Logging.CreateLogger<SlackNotifier>()),
            Status,
            Events,
            Metrics is null ? NullRunObserver.Instance : new MetricsRunObserver(Metrics),
            Time,
            Logging.CreateLogger<ReconciliationDriver>());
    }
}
