using k8s;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Aws;
using KafkaRecon.Operator.Kubernetes.Controller;
using KafkaRecon.Operator.Metrics;
using KafkaRecon.Operator.Notifications;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Operator.Retention;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace KafkaRecon.Operator.Composition;

/// <summary>
/// The operator's reconciliation side in DI: driver, engines, notifier, metrics. Each part is its own registration
/// so a test can replace one (the engines, say) and keep the rest real.
/// </summary>
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
        services.AddSingleton(sp => EngineComposition.EmbeddedEngines(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IObjectStore>()));
        services.AddSingleton<IEngineProvider>(sp => new EngineProvider(
            sp.GetRequiredService<EngineSet>(),
            EngineComposition.AwsEnginesOnFirstUse(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IObjectStore>(),
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

        services.AddSingleton(sp => new RetentionSweep(
            sp.GetRequiredService<IObjectStore>(), new GlueRunCatalogTables(() => sp.GetRequiredService<LazyAwsClients>().Value.Glue),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new Inputs.InputsProbe(sp.GetRequiredService<IObjectStore>()));
        services.AddSingleton<ReconciliationDriver>();
        services.AddSingleton<IReconciler>(sp => sp.GetRequiredService<ReconciliationDriver>());
        return services;
    }
}
