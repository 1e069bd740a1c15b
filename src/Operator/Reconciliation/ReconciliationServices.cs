using k8s;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Aws;
using KafkaRecon.Operator.Engines.Embedded;
using KafkaRecon.Operator.Kubernetes.Controller;
using KafkaRecon.Operator.Metrics;
using KafkaRecon.Operator.Notifications;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>The operator's reconciliation side in DI: driver, engines, notifier, metrics.</summary>
internal static class ReconciliationServices
{
    public static IServiceCollection AddKafkaReconReconciliation(this IServiceCollection services)
    {
        services.AddSingleton(Prometheus.Metrics.DefaultRegistry);
        services.AddSingleton(sp => new KafkaReconMetrics(
            sp.GetRequiredService<CollectorRegistry>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IRunObserver, MetricsRunObserver>();
        services.AddSingleton<IReconcileObserver, ControllerMetrics>();

        services.AddSingleton<IAwsCallObserver, MetricsAwsCallObserver>();
        services.AddSingleton(sp => new LazyAwsClients(
            sp.GetService<AwsSettings>()?.Endpoint, sp.GetRequiredService<IAwsCallObserver>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<LazyAwsClients>().CreateStore());
        services.AddSingleton(sp => EmbeddedEngines(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IObjectStore>()));
        services.AddSingleton<IEngineProvider>(sp => new EngineProvider(
            sp.GetRequiredService<EngineSet>(),
            AwsEnginesOnFirstUse(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IObjectStore>(),
                sp.GetRequiredService<LazyAwsClients>())));
        services.AddSingleton<ISummarySource>(sp =>
        {
            var store = sp.GetRequiredService<IObjectStore>();
            return new StoreSummarySource(_ => store);
        });

        services.AddHttpClient();
        services.AddSingleton<INotifier>(sp => new SlackNotifier(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient("slack"),
            new SecretWebhookUrlSource(sp.GetRequiredService<IKubernetes>()),
            new SlackDeliveryOptions(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SlackNotifier>>()));

        services.AddSingleton<ReconciliationDriver>();
        services.AddSingleton<IReconciler>(sp => sp.GetRequiredService<ReconciliationDriver>());
        return services;
    }

    /// <summary>Both engine sets; the AWS one (and its clients) is built when a resource first asks for it.</summary>
    public static IEngineProvider Engines(TimeProvider time, IObjectStore store, LazyAwsClients aws) =>
        new EngineProvider(EmbeddedEngines(time, store), AwsEnginesOnFirstUse(time, store, aws));

    private static Lazy<EngineSet> AwsEnginesOnFirstUse(TimeProvider time, IObjectStore store, LazyAwsClients aws) =>
        new(() => AwsEngines.Create(aws.Value, store, time));

    /// <param name="store">
    /// Routes s3:// locations to S3: manifests and output may live there (DuckDB works on local copies of them).
    /// </param>
    public static EngineSet EmbeddedEngines(TimeProvider time, IObjectStore store) => new(
        new LocalCoalescer(time, _ => store),
        new DuckDbTransformer(store),
        new DuckDbQueryRunner(store, time));
}
