using System.Net;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Engines.Aws;
using KafkaRecon.Operator.Metrics;
using KafkaRecon.Operator.Notifications;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Retention;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Composition;

/// <summary>
/// Wires one in-process run (<c>kafka-recon run</c>): the same driver as the controller, with its own metrics
/// registry (served on a port when asked), AWS clients that serve s3:// locations and <c>spec.engine: aws</c> (built
/// only when first needed), and Slack through a local webhook file. The command supplies where progress and status go.
/// </summary>
internal sealed class RunComposition : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _logging;
    private readonly KafkaReconMetrics _metrics;
    private readonly MetricsEndpoint? _endpoint;
    private readonly HttpClient _http = new();
    private readonly LazyAwsClients _aws;

    private RunComposition(
        TimeProvider time, ILoggerFactory logging, KafkaReconMetrics metrics, MetricsEndpoint? endpoint, string? awsEndpoint)
    {
        _time = time;
        _logging = logging;
        _metrics = metrics;
        _endpoint = endpoint;
        _aws = new LazyAwsClients(awsEndpoint, new MetricsAwsCallObserver(metrics), time);
    }

    /// <summary>Where the run's metrics are served, when a port was asked for.</summary>
    public Uri? MetricsUri => _endpoint?.MetricsUri;

    /// <param name="metricsPort">Serve /metrics on 127.0.0.1 at this port (0: any free one); null: not served.</param>
    public static async Task<RunComposition> StartAsync(
        TimeProvider time, ILoggerFactory logging, int? metricsPort, string? awsEndpoint, CancellationToken cancellationToken)
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var metrics = new KafkaReconMetrics(registry, time);
        var endpoint = metricsPort is { } port
            ? await MetricsEndpoint.StartAsync(registry, IPAddress.Loopback, port, cancellationToken)
            : null;
        return new RunComposition(time, logging, metrics, endpoint, awsEndpoint);
    }

    /// <param name="slackWebhookFile">The shared Slack webhook URL's file; null: the environment.</param>
    /// <param name="successWebhookFile">The success webhook URL's file; null: the environment, else the shared one.</param>
    /// <param name="failureWebhookFile">The failure webhook URL's file; null: the environment, else the shared one.</param>
    public ReconciliationDriver CreateDriver(
        IEventSink events, IStatusSink status, string? slackWebhookFile, string? successWebhookFile = null,
        string? failureWebhookFile = null)
    {
        var store = _aws.CreateStore();
        return new ReconciliationDriver(
            EngineComposition.Engines(_time, store, _aws),
            new StoreSummarySource(_ => store),
            new SlackNotifier(_http,
                LocalWebhookUrlSource.FromProcess(slackWebhookFile, successWebhookFile, failureWebhookFile),
                new SlackDeliveryOptions(), _time,
                _logging.CreateLogger<SlackNotifier>()),
            status,
            events,
            new MetricsRunObserver(_metrics),
            _time,
            _logging.CreateLogger<ReconciliationDriver>(),
            new RetentionSweep(store, new GlueRunCatalogTables(() => _aws.Value.Glue), _time),
            new Inputs.InputsProbe(store));
    }

    public async ValueTask DisposeAsync()
    {
        _aws.Dispose();
        _http.Dispose();
        if (_endpoint is not null)
        {
            await _endpoint.DisposeAsync();
        }
    }
}
