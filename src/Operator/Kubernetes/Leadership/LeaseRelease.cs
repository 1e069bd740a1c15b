using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Kubernetes.Leadership;

/// <summary>
/// Gives the Lease up on a clean shutdown, as controller-runtime's <c>LeaderElectionReleaseOnCancel</c> does, so a
/// standby takes over at its next retry instead of waiting out the lease duration. The holder is set to the empty
/// string (which the client's elector treats as free; null would make it try to create the Lease) and the update is
/// conditional on the resourceVersion read, so a Lease that has already moved on is left alone.
/// </summary>
internal sealed class LeaseRelease(IKubernetes client, LeaderElectionOptions options, TimeProvider time, ILogger logger)
{
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync(
                options.LeaseName, options.LeaseNamespace, cancellationToken: cancellationToken);
            if (lease.Spec?.HolderIdentity != options.Identity)
            {
                return;
            }
            var now = time.GetUtcNow().UtcDateTime;
            lease.Spec.HolderIdentity = "";
            lease.Spec.LeaseDurationSeconds = 1;
            lease.Spec.AcquireTime = now;
            lease.Spec.RenewTime = now;
            await client.CoordinationV1.ReplaceNamespacedLeaseAsync(
                lease, options.LeaseName, options.LeaseNamespace, cancellationToken: cancellationToken);
            logger.LogInformation("{Identity} released Lease {Namespace}/{Lease}",
                options.Identity, options.LeaseNamespace, options.LeaseName);
        }
        catch (Exception error) when (error is HttpOperationException or HttpRequestException or OperationCanceledException)
        {
            // Not releasing only delays the successor by one lease duration; shutdown goes on.
            logger.LogWarning(error, "{Identity} could not release Lease {Lease}; a successor waits for it to expire",
                options.Identity, options.LeaseName);
        }
    }
}
