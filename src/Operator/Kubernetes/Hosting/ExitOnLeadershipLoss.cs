using KafkaRecon.Operator.Kubernetes.Leadership;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Kubernetes.Hosting;

/// <summary>
/// Like controller-runtime ("leader election lost"): stop at once, without the grace period, and exit non-zero so
/// the pod restarts and competes again. Continuing in-process is what KubeOps tried and kept getting wrong.
/// </summary>
internal sealed class ExitOnLeadershipLoss(OperatorLifetime lifetime, ILogger<ExitOnLeadershipLoss> logger)
    : ILeadershipLossHandler
{
    public void OnLeadershipLost(string identity)
    {
        logger.LogCritical("Leader election lost by {Identity}; stopping", identity);
        lifetime.Exit(OperatorLifetime.LeadershipLostExitCode, abortInFlightWork: true);
    }
}
