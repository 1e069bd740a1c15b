using k8s;
using KafkaRecon.Operator.Coalescing;
using KafkaRecon.Operator.Engines;
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

        services.AddSingleton(sp => EmbeddedEngines(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IEngineProvider>(sp => new EngineProvider(sp.GetRequiredService<EngineSet>(), aws: null));
        services.AddSingleton<ISummarySource>(new StoreSummarySource(ObjectStoreResolver.For));

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

    public static EngineSet EmbeddedEngines(TimeProvider time)
    {
        var local = new LocalObjectStore();
        return new EngineSet(
            new LocalCoalescer(time, ObjectStoreResolver.For),
            new DuckDbTransformer(local),
            new DuckDbQueryRunner(local, time));
    }
}
