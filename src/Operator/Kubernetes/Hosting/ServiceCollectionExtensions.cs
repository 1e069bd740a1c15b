using k8s;
using KafkaRecon.Operator.Kubernetes.Controller;
using KafkaRecon.Operator.Kubernetes.Events;
using KafkaRecon.Operator.Kubernetes.Leadership;
using KafkaRecon.Operator.Kubernetes.Queue;
using KafkaRecon.Operator.Kubernetes.Status;
using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Operator.Kubernetes.Watching;
using KafkaRecon.Operator.Reconciliation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Kubernetes.Hosting;

/// <summary>The operator's DI wiring in one place. The <see cref="IReconciler"/> is registered by the caller.</summary>
internal static class ServiceCollectionExtensions
{
    public static IServiceCollection AddKafkaReconOperator(
        this IServiceCollection services, OperatorOptions options, IKubernetes client)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(options.Watch);
        services.AddSingleton(options.LeaderElection);
        services.AddSingleton(client);
        services.AddSingleton(new EventSinkOptions(options.LeaderElection.Identity));

        services.AddSingleton<OwnWrites>();
        services.AddSingleton<IResourceStore>(sp => new OwnWriteRecordingStore(
            new KubernetesResourceStore(sp.GetRequiredService<IKubernetes>()), sp.GetRequiredService<OwnWrites>()));
        services.AddSingleton(sp => new WorkQueue<ResourceKey>(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WatchHealth>();
        services.AddSingleton(sp => new ResourceWatcher(
            sp.GetRequiredService<IResourceStore>(),
            new ChangeRouter(sp.GetRequiredService<WorkQueue<ResourceKey>>(), sp.GetRequiredService<OwnWrites>()).Route,
            sp.GetRequiredService<WatchHealth>(),
            sp.GetRequiredService<WatchOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ResourceWatcher>>()));
        services.AddSingleton<ResourceController>();
        services.AddSingleton<ControllerWorkers>();
        services.TryAddSingleton<IReconcileObserver>(NoReconcileObserver.Instance);
        services.AddSingleton<IStatusSink, StatusWriter>();
        services.AddSingleton<IEventSink, KubernetesEventSink>();
        services.AddSingleton<OperatorLifetime>();
        services.AddSingleton<ReadinessProbe>();
        services.TryAddSingleton<ILeadershipLossHandler, ExitOnLeadershipLoss>();

        if (options.LeaderElection.Enabled)
        {
            services.AddSingleton<LeaseLeadership>();
            services.AddSingleton<ILeadership>(sp => sp.GetRequiredService<LeaseLeadership>());
            services.AddHostedService(sp => sp.GetRequiredService<LeaseLeadership>());
        }
        else
        {
            services.AddSingleton<ILeadership, SoleReplica>();
        }
        services.AddHostedService<ControllerService>();
        return services;
    }
}
