using System.Globalization;
using k8s;
using k8s.Models;
using KafkaRecon.Operator.Engines.Jobs;

namespace KafkaRecon.Tests.RealApiServer.Jobs;

/// <summary>
/// The kubelet for the phase Jobs' pods of one namespace (the control plane has none): runs each new pod's container
/// command locally (the build's own kafka-recon, the pod's env, the termination-message file moved to a local one)
/// and, once it exits, writes the pod's end as the kubelet would: phase Succeeded or Failed and the container's
/// terminated state with its exit code and termination message. The Job controller takes it from there.
/// While <see cref="Holding"/>, new pods are left Pending. <see cref="Ending"/>, when set, ends a pod without running
/// it (an OOM kill, say).
/// </summary>
internal sealed class JobPodPlayer : IAsyncDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(90);
    private readonly ControlPlane _controlPlane;
    private readonly string _namespace;
    private readonly string _folder = Directory.CreateTempSubdirectory("job-pod-player-").FullName;
    private readonly HashSet<string> _started = [];
    private readonly List<Task> _running = [];
    private readonly List<ChildProcess> _processes = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private volatile bool _holding;
    private Exception? _failure;

    public JobPodPlayer(ControlPlane controlPlane, string namespaceName)
    {
        _controlPlane = controlPlane;
        _namespace = namespaceName;
        _loop = Task.Run(() => LoopAsync(_stop.Token));
    }

    public bool Holding
    {
        get => _holding;
        set => _holding = value;
    }

    /// <summary>Ends a pod without running it: exit code, reason and termination message.</summary>
    public Func<V1Pod, (int ExitCode, string Reason, string? Message)>? Ending { get; init; }

    /// <summary>Pods whose container was started (or ended by <see cref="Ending"/>).</summary>
    public IReadOnlyCollection<string> Played
    {
        get
        {
            lock (_started)
            {
                return [.. _started];
            }
        }
    }

    public string Describe()
    {
        var logs = Directory.GetFiles(_folder, "*.log")
            .Select(log => $"{Path.GetFileName(log)}:\n{string.Join('\n', File.ReadLines(log).TakeLast(15))}");
        return $"job pod player{(_failure is null ? "" : $" failed: {_failure}")}\n{string.Join('\n', logs)}";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        lock (_processes)
        {
            foreach (var process in _processes)
            {
                process.Dispose();
            }
        }
        await Task.WhenAll(_running).ContinueWith(_ => { }, TaskScheduler.Default);
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
        await PlayerRounds.RunAsync(
            token => _holding ? Task.CompletedTask : StartNewPodsAsync(admin, token), Period,
            failure => _failure = failure, cancellationToken);
    }

    private async Task StartNewPodsAsync(k8s.Kubernetes admin, CancellationToken cancellationToken)
    {
        var pods = await admin.CoreV1.ListNamespacedPodAsync(_namespace, labelSelector: PhaseJobManifest.JobLabel,
            cancellationToken: cancellationToken);
        foreach (var pod in pods.Items.Where(p => p.Metadata.DeletionTimestamp is null && p.Status?.Phase is null or "Pending"))
        {
            lock (_started)
            {
                if (!_started.Add(pod.Metadata.Name))
                {
                    continue;
                }
            }
            var task = Task.Run(() => PlayAsync(pod, _stop.Token));
            lock (_running)
            {
                _running.Add(task);
            }
        }
    }

    private async Task PlayAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var (exitCode, reason, message) = Ending?.Invoke(pod) ?? await RunAsync(pod);
        using var admin = _controlPlane.AdminClient();
        var status = new V1PodStatus
        {
            Phase = exitCode == 0 ? "Succeeded" : "Failed",
            StartTime = started,
            ContainerStatuses =
            [
                new V1ContainerStatus
                {
                    Name = PhaseJobManifest.ContainerName,
                    Image = pod.Spec.Containers[0].Image,
                    ImageID = "",
                    Ready = false,
                    RestartCount = 0,
                    State = new V1ContainerState
                    {
                        Terminated = new V1ContainerStateTerminated
                        {
                            ExitCode = exitCode, Reason = reason, Message = message,
                            StartedAt = started, FinishedAt = DateTime.UtcNow,
                        },
                    },
                },
            ],
        };
        var patch = $"{{\"status\": {KubernetesJson.Serialize(status)}}}";
        await admin.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch),
            pod.Metadata.Name, _namespace, cancellationToken: cancellationToken);
    }

    private async Task<(int ExitCode, string Reason, string? Message)> RunAsync(V1Pod pod)
    {
        var container = pod.Spec.Containers.Single(c => c.Name == PhaseJobManifest.ContainerName);
        var resultFile = Path.Combine(_folder, $"{pod.Metadata.Name}.termination");
        var arguments = container.Args.Select(a => a == container.TerminationMessagePath ? resultFile : a);
        var environment = container.Env.Where(e => e.Value is not null).ToDictionary(e => e.Name, e => e.Value);
        environment["TMPDIR"] = Directory.CreateDirectory(Path.Combine(_folder, pod.Metadata.Name)).FullName;
        var process = ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "kafka-recon.dll"), .. arguments],
            Path.Combine(_folder, $"{pod.Metadata.Name}.log"), environment);
        lock (_processes)
        {
            _processes.Add(process);
        }
        if (!await process.WaitForExitAsync(RunLimit))
        {
            process.Kill();
            return (137, "Error", $"the played container ran longer than {RunLimit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        var message = File.Exists(resultFile) ? await File.ReadAllTextAsync(resultFile) : null;
        return (process.ExitCode, process.ExitCode == 0 ? "Completed" : "Error", message);
    }
}
