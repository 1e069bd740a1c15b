using KafkaRecon.Operator.Kubernetes.Leadership;
using KafkaRecon.Operator.Kubernetes.Watching;

namespace KafkaRecon.Operator.Kubernetes.Hosting;

/// <summary>Ready only when every watch is live and, with leader election on, this replica holds the Lease.</summary>
internal sealed class ReadinessProbe(WatchHealth watches, ILeadership leadership)
{
    public (bool Ready, string Detail) Check()
    {
        if (!leadership.IsLeader)
        {
            return (false, "not the leader");
        }
        return watches.IsLive ? (true, "ok") : (false, "watch not live");
    }
}
