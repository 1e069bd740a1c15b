using k8s;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Aws;
using KafkaRecon.Operator.Execution;
using KafkaRecon.Operator.Kubernetes.Controller;
using KafkaRecon.Operator.Kubernetes.Hosting;
using KafkaRecon.Operator.Kubernetes.Queue;
using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Operator.Metrics;
using KafkaRecon.Operator.Notifications;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Operator.Retention;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
        services.AddSingleton(sp =>
        {
            var slots = sp.GetService<OperatorOptions>()?.MaxConcurrentRuns ?? ConcurrencyDefaults.MaxConcurrentRuns();
            // Embedded runs block pool threads in native DuckDB calls; without spare threads the reconcile workers'
            // continuations would wait for the pool to grow (about one thread per half second) behind them.
            ThreadPool.GetMinThreads(out var workerThreads, out var ioThreads);
            ThreadPool.SetMinThreads(Math.Max(workerThreads, Environment.ProcessorCount + 2 * slots + 8), ioThreads);
            var executor = new RunExecutor(slots, sp.GetRequiredService<TimeProvider>(),
                new ExecutorObserver(sp.GetRequiredService<WorkQueue<ResourceKey>>(),
                    sp.GetRequiredService<KafkaReconMetrics>().Runs, slots),
                sp.GetRequiredService<ILogger<RunExecutor>>());
            // A stopped operator does no more work, like a killed pod: once the reconcile workers have stopped, the
            // executor's work is cancelled (its phases still say Submitting, so the next leader submits them again).
            sp.GetService<IHostApplicationLifetime>()?.ApplicationStopped.Register(executor.Dispose);
            return executor;
        });
        // Embedded phases run in the executor, off the reconcile workers; AWS phases are external jobs already.
        services.AddSingleton<IEngineProvider>(sp => new EngineProvider(
            JobRunnerComposition.WithTransformRunner(sp,
                ExecutorEngines.Wrap(sp.GetRequiredService<EngineSet>(), sp.GetRequiredService<RunExecutor>(),
                    sp.GetRequiredService<ILogger<RunExecutor>>())),
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
        // A new resource's first status goes out before any of its work, so a burst of creations is answered at once.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ReconciliationDriver>(sp, FirstAnswer.Yield));
        services.AddSingleton<IReconciler>(sp => sp.GetRequiredService<ReconciliationDriver>());
        return services;
    }
}
