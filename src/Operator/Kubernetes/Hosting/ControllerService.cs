using KafkaRecon.Operator.Kubernetes.Controller;
using KafkaRecon.Operator.Kubernetes.Leadership;
using KafkaRecon.Operator.Kubernetes.Queue;
using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Operator.Kubernetes.Watching;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Kubernetes.Hosting;

/// <summary>
/// Once this replica leads: one watcher per namespace scope feeding the queue, and N workers draining it.
/// Stopping shuts the queue (no new keys), lets in-flight reconciles finish within the grace period, then aborts them.
/// </summary>
internal sealed class ControllerService(
    ILeadership leadership,
    WorkQueue<ResourceKey> queue,
    ResourceWatcher watcher,
    ControllerWorkers workers,
    OperatorOptions options,
    OperatorLifetime lifetime,
    TimeProvider time,
    ILogger<ControllerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await leadership.WhenLeadingAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        logger.LogInformation("Starting {Workers} workers watching {Scope}", options.Workers,
            options.Scope.IsAllNamespaces ? "all namespaces" : string.Join(",", options.Scope.Namespaces));
        var watches = options.Scope.Targets
            .Select(target => Task.Run(() => watcher.RunAsync(target, stoppingToken), CancellationToken.None));
        await Task.WhenAll(watches.Append(workers.RunAsync(options.Workers, options.FirstAnswerWorkers, lifetime.AbortWork)));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.ShutDown();
        try
        {
            await queue.WhenIdleAsync(CancellationToken.None).WaitAsync(options.GracePeriod, time, cancellationToken);
        }
        catch (Exception timedOut) when (timedOut is TimeoutException or OperationCanceledException)
        {
            logger.LogWarning("Grace period of {Grace} over with {InFlight} reconciles in flight; cancelling them",
                options.GracePeriod, queue.InFlight);
            lifetime.AbortInFlightWork();
        }
        await base.StopAsync(cancellationToken);
    }
}
