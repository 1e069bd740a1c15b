using k8s;
using k8s.Models;
using KafkaRecon.Operator.Kubernetes.Leadership;
using KafkaRecon.Tests.Crd;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.RealApiServer.Deploy;

/// <summary>
/// The chart's two-replica Deployment on a real control plane with kube-controller-manager. No kubelet exists, so a
/// <see cref="KubeletPlayer"/> runs each pod's container as a local <c>kafka-recon operator</c> process with the
/// chart's ServiceAccount token and copies the process's own /readyz into the pod's Ready condition.
/// </summary>
[Collection(RealApiServerCollection.Name)]
[Trait("Category", "RealApiServer")]
[Trait("Category", "Slow")]
public sealed class TwoReplicaRolloutTests(ControlPlane controlPlane)
{
    private const string Release = "roll";
    private const string Deployment = "roll-kafka-recon";
    private static readonly TimeSpan RolloutLimit = TimeSpan.FromSeconds(80);

    [RealApiServerFact]
    public async Task Chart_deployment_becomes_available_and_a_template_change_rolls_out_with_one_leader_and_a_ready_standby()
    {
        await controlPlane.EnsureControllerManagerAsync();
        var namespaceName = await controlPlane.CreateNamespaceAsync("rollout");
        using var kubectl = new ClusterKubectl(controlPlane, controlPlane.AdminToken, namespaceName);
        using var admin = controlPlane.AdminClient();
        var values = kubectl.WriteFile("values.yaml", Values(namespaceName));
        await Succeeds(kubectl.RunToolAsync(Helm.Executable(3), "install", Release, Chart, "--namespace", namespaceName,
            "--skip-crds", "--values", values), "helm install");

        await using var kubelet = new KubeletPlayer(controlPlane, namespaceName, $"app.kubernetes.io/instance={Release}");
        await RolloutFinishesAsync(kubectl, kubelet);
        var first = await OneLeaderAndAReadyStandbyAsync(admin, namespaceName, kubelet);

        // A template change (what every upgrade of the image or a value does): helm waits for the new ReplicaSet.
        await Succeeds(kubectl.RunToolAsync(Helm.Executable(3), "upgrade", Release, Chart, "--namespace", namespaceName,
            "--skip-crds", "--values", values, "--set", "podAnnotations.rollout=second", "--wait", "--timeout", "2m"),
            "helm upgrade --wait", kubelet);
        await RolloutFinishesAsync(kubectl, kubelet);
        var second = await OneLeaderAndAReadyStandbyAsync(admin, namespaceName, kubelet);

        Assert.Empty(first.Intersect(second));
        Assert.Superset(first.ToHashSet(), kubelet.Stopped.ToHashSet());
        var replicaSets = (await admin.AppsV1.ListNamespacedReplicaSetAsync(namespaceName)).Items;
        Assert.Equal(2, replicaSets.Count);
        var current = replicaSets.Single(r => r.Spec.Template.Metadata.Annotations?.ContainsKey("rollout") == true);
        Assert.Equal((2, 2, 2), (current.Status.Replicas, current.Status.ReadyReplicas ?? 0, current.Status.AvailableReplicas ?? 0));
        Assert.Equal(0, replicaSets.Single(r => r != current).Status.Replicas);
    }

    private static string Chart => RepositoryRoot.File(Path.Combine("charts", "kafka-recon"));

    /// <summary>Two replicas watching only the test's namespace, with short Lease timings so a failover is quick.</summary>
    private static string Values(string namespaceName) => $$"""
        replicaCount: 2
        nightly: {enabled: false}
        terminationGracePeriodSeconds: 10
        operator:
          watchNamespaces: [{{namespaceName}}]
          logFormat: text
          extraArgs: ["--lease-duration=6s", "--renew-deadline=4s", "--retry-period=500ms"]
        """;

    /// <summary><c>kubectl rollout status</c> returns once the Deployment's newest ReplicaSet is fully available.</summary>
    private static async Task RolloutFinishesAsync(ClusterKubectl kubectl, KubeletPlayer kubelet)
    {
        await Succeeds(kubectl.RunAsync("rollout", "status", $"deployment/{Deployment}", $"--timeout={RolloutLimit.TotalSeconds}s"),
            "kubectl rollout status", kubelet);
        var (_, available, _) = await Succeeds(kubectl.RunAsync("get", $"deployment/{Deployment}", "-o",
            "jsonpath={.status.conditions[?(@.type==\"Available\")].status} {.status.readyReplicas}/{.status.replicas}"),
            "read the Deployment", kubelet);
        Assert.Equal("True 2/2", available);
    }

    /// <summary>Both current pods are Ready by their own /readyz; one holds the Lease and says so, the other is standby.</summary>
    private static async Task<string[]> OneLeaderAndAReadyStandbyAsync(k8s.Kubernetes admin, string namespaceName, KubeletPlayer kubelet)
    {
        var pods = (await admin.CoreV1.ListNamespacedPodAsync(namespaceName, labelSelector: $"app.kubernetes.io/instance={Release}"))
            .Items.Where(p => p.Metadata.DeletionTimestamp is null).Select(p => p.Metadata.Name).Order().ToArray();
        Assert.Equal(2, pods.Length);
        string? leader = null;
        await Poll.UntilAsync(async () =>
        {
            var lease = await admin.CoordinationV1.ReadNamespacedLeaseAsync(LeaderElectionOptions.DefaultLeaseName, namespaceName);
            leader = pods.SingleOrDefault(p => lease.Spec.HolderIdentity?.StartsWith($"{p}_", StringComparison.Ordinal) == true);
            return leader is not null;
        }, $"one of {string.Join(", ", pods)} holds the Lease", TimeSpan.FromSeconds(30));
        // A standby that has just taken the Lease is briefly unready until its watches are live.
        var containers = kubelet.Containers;
        await Poll.UntilAsync(async () =>
        {
            var answers = await Task.WhenAll(pods.Select(p => containers[p].ReadyzAsync()));
            return pods.Zip(answers).All(pair => pair.Second is { Status: 200 } readyz &&
                readyz.Body.Contains(pair.First == leader ? "leading" : "standby", StringComparison.Ordinal));
        }, $"{leader} is ready and leading, the other ready as standby", TimeSpan.FromSeconds(20));
        return pods;
    }

    private static async Task<(int ExitCode, string Output, string Error)> Succeeds(
        Task<(int ExitCode, string Output, string Error)> run, string what, KubeletPlayer? kubelet = null)
    {
        var result = await run;
        if (result.ExitCode != 0)
        {
            Assert.Fail($"{what} failed ({result.ExitCode}):\n{result.Output}\n{result.Error}\n" +
                (kubelet is null ? "" : await kubelet.DescribeAsync()));
        }
        return result;
    }
}
