using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Kubernetes.Leadership;

/// <summary>
/// Runs one leadership term on the Lease with the client's <see cref="LeaderElector"/>; transport failures count as
/// failed renews (<see cref="TransportTolerantLock"/>), so the term ends only when the renew deadline passes. Workers wait on
/// <see cref="WhenLeadingAsync"/>; when the term ends for any reason but shutdown, the loss handler runs. On shutdown
/// the Lease is released: the host stops services in reverse order of registration, so the controller's workers have
/// already drained when this one stops.
/// </summary>
internal sealed class LeaseLeadership(
    IKubernetes client,
    LeaderElectionOptions options,
    ILeadershipLossHandler lossHandler,
    TimeProvider time,
    ILogger<LeaseLeadership> logger) : BackgroundService, ILeadership
{
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource leading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TransportTolerantLock leaseLock = new(
        new LeaseLock(client, options.LeaseNamespace, options.LeaseName, options.Identity), time, logger);
    private volatile bool isLeader;

    public bool IsLeader => isLeader;

    /// <summary>The API server answered a Lease call within one lease duration.</summary>
    public bool IsConnected =>
        leaseLock.LastContact is { } contact && time.GetUtcNow() - contact <= options.LeaseDuration;

    public Task WhenLeadingAsync(CancellationToken cancellationToken) => leading.Task.WaitAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var elector = new LeaderElector(new LeaderElectionConfig(leaseLock)
        {
            LeaseDuration = options.LeaseDuration,
            RenewDeadline = options.RenewDeadline,
            RetryPeriod = options.RetryPeriod,
        });
        elector.OnStartedLeading += () =>
        {
            isLeader = true;
            logger.LogInformation("{Identity} became leader on Lease {Namespace}/{Lease}",
                options.Identity, options.LeaseNamespace, options.LeaseName);
            leading.TrySetResult();
        };
        elector.OnStoppedLeading += () =>
        {
            isLeader = false;
            logger.LogInformation("{Identity} stopped leading on Lease {Namespace}/{Lease}",
                options.Identity, options.LeaseNamespace, options.LeaseName);
        };
        elector.OnNewLeader += leader => logger.LogInformation("Lease {Lease} is held by {Leader}", options.LeaseName, leader);
        elector.OnError += error => logger.LogWarning(error, "Leader election error on Lease {Lease}", options.LeaseName);

        try
        {
            await elector.RunUntilLeadershipLostAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await ReleaseIfLeadingAsync();
            return;
        }
        catch (Exception error)
        {
            logger.LogError(error, "Leader election on Lease {Lease} failed", options.LeaseName);
        }
        isLeader = false;
        if (stoppingToken.IsCancellationRequested)
        {
            await ReleaseIfLeadingAsync();
            return;
        }
        lossHandler.OnLeadershipLost(options.Identity);
    }

    private async Task ReleaseIfLeadingAsync()
    {
        if (!leading.Task.IsCompleted)
        {
            return;
        }
        using var timeout = new CancellationTokenSource(ReleaseTimeout);
        await new LeaseRelease(client, options, time, logger).ReleaseAsync(timeout.Token);
    }
}
