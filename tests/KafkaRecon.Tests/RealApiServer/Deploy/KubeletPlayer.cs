using System.Globalization;
using System.Net;
using System.Text;
using k8s;
using k8s.Models;

namespace KafkaRecon.Tests.RealApiServer.Deploy;

/// <summary>
/// The kubelet a control plane without nodes lacks, for the pods matching one selector: starts each new pod's operator
/// container as a local process with the pod's ServiceAccount token, probes the process's real /readyz and writes
/// the answer into the pod's Ready condition (as the kubelet's readiness prober does: a Ready pod turns unready only
/// after its probe's failureThreshold of failures in a row), and stops (SIGTERM) the
/// process of a pod that is gone. The ReplicaSet and Deployment controllers only ever see pod status.
/// </summary>
internal sealed class KubeletPlayer : IAsyncDisposable
{
    private static readonly TimeSpan ProbePeriod = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(15);
    private readonly ControlPlane _controlPlane;
    private readonly string _namespace;
    private readonly string _selector;
    private readonly string _folder = Directory.CreateTempSubdirectory("kubelet-player-").FullName;
    private readonly Dictionary<string, OperatorProcess> _containers = [];
    private readonly List<string> _stopped = [];
    private readonly Dictionary<string, int> _failuresInARow = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private Exception? _failure;

    public KubeletPlayer(ControlPlane controlPlane, string namespaceName, string selector)
    {
        _controlPlane = controlPlane;
        _namespace = namespaceName;
        _selector = selector;
        _loop = Task.Run(() => LoopAsync(_stop.Token));
    }

    /// <summary>The pods whose container is running now.</summary>
    public IReadOnlyDictionary<string, OperatorProcess> Containers
    {
        get
        {
            lock (_containers)
            {
                return new Dictionary<string, OperatorProcess>(_containers);
            }
        }
    }

    /// <summary>Pods whose container was stopped because the pod was deleted.</summary>
    public IReadOnlyList<string> Stopped
    {
        get
        {
            lock (_containers)
            {
                return [.. _stopped];
            }
        }
    }

    /// <summary>What each played container is doing, for a failure message.</summary>
    public async Task<string> DescribeAsync()
    {
        var text = new StringBuilder();
        if (_failure is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"kubelet player failed: {_failure}");
        }
        foreach (var (pod, container) in Containers)
        {
            var readyz = await container.ReadyzAsync();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{pod}: exited={container.HasExited} readyz={readyz?.Status.ToString(CultureInfo.InvariantCulture) ?? "unreachable"} {readyz?.Body}\n{container.Tail(8)}");
        }
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        foreach (var container in Containers.Values)
        {
            await container.TerminateAsync(TimeSpan.FromSeconds(5));
            container.Dispose();
        }
        _stop.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        using var admin = _controlPlane.AdminClient();
        // A failure is shown by DescribeAsync; the next round tries again, as a kubelet would.
        await PlayerRounds.RunAsync(token => SyncAsync(admin, token), ProbePeriod, failure => _failure = failure,
            cancellationToken);
    }

    private async Task SyncAsync(k8s.Kubernetes admin, CancellationToken cancellationToken)
    {
        var pods = (await admin.CoreV1.ListNamespacedPodAsync(_namespace, labelSelector: _selector,
            cancellationToken: cancellationToken)).Items.Where(p => p.Metadata.DeletionTimestamp is null).ToList();
        foreach (var gone in Containers.Keys.Except(pods.Select(p => p.Metadata.Name)))
        {
            await StopAsync(gone);
        }
        foreach (var pod in pods)
        {
            var container = Containers.GetValueOrDefault(pod.Metadata.Name) ?? await StartAsync(pod);
            var passed = (await container.ReadyzAsync())?.Status == 200;
            var failures = _failuresInARow[pod.Metadata.Name] = passed ? 0 : _failuresInARow.GetValueOrDefault(pod.Metadata.Name) + 1;
            var threshold = Container(pod).ReadinessProbe?.FailureThreshold ?? 3;
            var ready = passed || (IsReady(pod) && failures < threshold);
            if (ready != IsReady(pod))
            {
                await PatchReadyAsync(admin, pod.Metadata.Name, ready, cancellationToken);
            }
        }
    }

    private async Task<OperatorProcess> StartAsync(V1Pod pod)
    {
        var token = await _controlPlane.ServiceAccountTokenAsync(_namespace, pod.Spec.ServiceAccountName);
        var kubeconfig = _controlPlane.WriteKubeconfig(_folder, token, _namespace);
        var port = FreePort.Next();
        var container = OperatorProcess.Start(PodContainerCommand.Arguments(pod, port, kubeconfig), port,
            Path.Combine(_folder, $"{pod.Metadata.Name}.log"), PodContainerCommand.Environment(pod));
        lock (_containers)
        {
            _containers[pod.Metadata.Name] = container;
        }
        return container;
    }

    private async Task StopAsync(string pod)
    {
        OperatorProcess container;
        lock (_containers)
        {
            container = _containers[pod];
            _containers.Remove(pod);
            _stopped.Add(pod);
        }
        await container.TerminateAsync(GracePeriod);
        container.Dispose();
    }

    private static V1Container Container(V1Pod pod) => pod.Spec.Containers.Single(c => c.Name == "operator");

    private static bool IsReady(V1Pod pod) =>
        pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;

    private async Task PatchReadyAsync(k8s.Kubernetes admin, string pod, bool ready, CancellationToken cancellationToken)
    {
        var status = ready ? "True" : "False";
        var now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var patch = $$$"""
            {"status": {"phase": "Running", "conditions": [
              {"type": "Ready", "status": "{{{status}}}", "lastTransitionTime": "{{{now}}}"},
              {"type": "ContainersReady", "status": "{{{status}}}", "lastTransitionTime": "{{{now}}}"}]}}
            """;
        try
        {
            await admin.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch(patch, V1Patch.PatchType.StrategicMergePatch),
                pod, _namespace, cancellationToken: cancellationToken);
        }
        catch (k8s.Autorest.HttpOperationException missing) when (missing.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Deleted since the list: the next round stops its container.
        }
    }
}
