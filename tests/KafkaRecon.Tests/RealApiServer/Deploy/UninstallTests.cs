using System.Net;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using KafkaRecon.Entities;
using KafkaRecon.Tests.ApiServer;
using KafkaRecon.Tests.Crd;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.RealApiServer.Deploy;

/// <summary>
/// The chart README's uninstall steps on a real control plane with kube-controller-manager (whose namespace
/// controller is what leaves a namespace Terminating while a finalizer is unreleased).
/// </summary>
[Collection(RealApiServerCollection.Name)]
[Trait("Category", "RealApiServer")]
[Trait("Category", "Slow")]
public sealed partial class UninstallTests(ControlPlane controlPlane)
{
    private const string Release = "gone";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [RealApiServerFact]
    public async Task Deleting_resources_while_the_operator_runs_then_helm_uninstall_leaves_a_namespace_that_deletes()
    {
        await controlPlane.EnsureControllerManagerAsync();
        var namespaceName = await controlPlane.CreateNamespaceAsync("uninstall");
        using var kubectl = new ClusterKubectl(controlPlane, controlPlane.AdminToken, namespaceName);
        using var admin = controlPlane.AdminClient();
        await Succeeds(kubectl.RunToolAsync(Helm.Executable(3), "install", Release, RepositoryRoot.File(Path.Combine("charts", "kafka-recon")),
            "--namespace", namespaceName, "--skip-crds", "--values", kubectl.WriteFile("values.yaml", $$"""
                replicaCount: 1
                nightly: {enabled: false}
                operator: {watchNamespaces: [{{namespaceName}}], logFormat: text}
                """)), "helm install");
        await using (var kubelet = new KubeletPlayer(controlPlane, namespaceName, $"app.kubernetes.io/instance={Release}"))
        {
            await Succeeds(kubectl.RunAsync("rollout", "status", $"deployment/{Release}-kafka-recon", "--timeout=80s"), "rollout");
            await Succeeds(kubectl.RunAsync("apply", "-f", kubectl.WriteFile("resource.json",
                KubernetesJson.Serialize(RealResources.Minimal(namespaceName, "sample")))), "apply");
            await Poll.UntilAsync(async () => (await ReadAsync(admin, namespaceName, "sample"))?.Metadata.Finalizers?.Contains(WellKnown.Finalizer) == true,
                "the operator puts its finalizer on", Limit);

            // The README's order, scoped to this namespace (other tests' resources share the cluster).
            await Succeeds(kubectl.RunAsync("delete", "krecon", "--all", "-n", namespaceName, "--wait", $"--timeout={Limit.TotalSeconds}s"),
                "kubectl delete krecon --all --wait");
            await Succeeds(kubectl.RunToolAsync(Helm.Executable(3), "uninstall", Release, "--namespace", namespaceName, "--wait"),
                "helm uninstall");
        }

        await Succeeds(kubectl.RunAsync("delete", "namespace", namespaceName, "--wait", $"--timeout={Limit.TotalSeconds}s"),
            "the namespace deletes");
    }

    [RealApiServerFact]
    public async Task With_no_operator_the_readmes_hand_release_frees_a_namespace_stuck_terminating()
    {
        await controlPlane.EnsureControllerManagerAsync();
        var namespaceName = await controlPlane.CreateNamespaceAsync("stuck");
        using var kubectl = new ClusterKubectl(controlPlane, controlPlane.AdminToken, namespaceName);
        using var admin = controlPlane.AdminClient();
        var resource = RealResources.Minimal(namespaceName, "orphan");
        resource.Metadata.Finalizers = [WellKnown.Finalizer]; // as the operator left it before it went away
        await admin.CustomObjects.CreateNamespacedCustomObjectAsync(resource, KafkaReconciliation.Group,
            KafkaReconciliation.Version, namespaceName, KafkaReconciliation.Plural);

        await admin.CoreV1.DeleteNamespaceAsync(namespaceName);
        await Poll.UntilAsync(async () => (await ReadAsync(admin, namespaceName, "orphan"))?.Metadata.DeletionTimestamp is not null,
            "the namespace controller deletes the resource, which its finalizer keeps", Limit);
        Assert.Equal("Terminating", (await admin.CoreV1.ReadNamespaceAsync(namespaceName)).Status.Phase);

        var script = HandRelease().Match(RepositoryRoot.ReadText("charts/kafka-recon/README.md"));
        Assert.True(script.Success, "the chart README shows the hand release after 'If the operator is already gone'");
        await Succeeds(kubectl.RunToolAsync("bash", "-c",
            $"PATH={Path.GetDirectoryName(Kubectl.Executable)}:$PATH\n{script.Groups[1].Value}"), "the README's hand release");
        await Poll.UntilAsync(async () => await NamespaceGoneAsync(admin, namespaceName), "the namespace is gone", Limit);
    }

    [GeneratedRegex(@"If the operator is already gone.*?```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex HandRelease();

    private static async Task<KafkaReconciliation?> ReadAsync(k8s.Kubernetes admin, string namespaceName, string name)
    {
        try
        {
            return KubernetesJson.Deserialize<KafkaReconciliation>(KubernetesJson.Serialize(
                await admin.CustomObjects.GetNamespacedCustomObjectAsync(KafkaReconciliation.Group, KafkaReconciliation.Version,
                    namespaceName, KafkaReconciliation.Plural, name)));
        }
        catch (k8s.Autorest.HttpOperationException missing) when (missing.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static async Task<bool> NamespaceGoneAsync(k8s.Kubernetes admin, string namespaceName)
    {
        try
        {
            await admin.CoreV1.ReadNamespaceAsync(namespaceName);
            return false;
        }
        catch (k8s.Autorest.HttpOperationException missing) when (missing.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return true;
        }
    }

    private static async Task Succeeds(Task<(int ExitCode, string Output, string Error)> run, string what)
    {
        var (exit, output, error) = await run;
        Assert.True(exit == 0, $"{what} failed ({exit}):\n{output}\n{error}");
    }
}
