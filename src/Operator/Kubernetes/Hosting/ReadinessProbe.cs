using KafkaRecon.Operator.Kubernetes.Leadership;
using KafkaRecon.Operator.Kubernetes.Watching;

namespace KafkaRecon.Operator.Kubernetes.Hosting;

/// <summary>
/// Ready means "this process can serve", not "this process leads": the leader is ready while every watch is live, a
/// standby while it reaches the API server (it would lead at once). Readiness that required the Lease would keep a
/// two-replica Deployment Available=False and no rollout could ever finish. Leading is its own fact: the leader
/// metric and the leadership log lines.
/// </summary>
internal sealed class ReadinessProbe(WatchHealth watches, ILeadership leadership)
{
    public (bool Ready, string Detail) Check()
    {
        if (!leadership.IsLeader)
        {
            return leadership.IsConnected
                ? (true, "ok: standby, connected and ready to lead")
                : (false, "standby not connected to the API server");
        }
        return watches.IsLive ? (true, "ok: leading, watches live") : (false, "watch not live");
    }
}
