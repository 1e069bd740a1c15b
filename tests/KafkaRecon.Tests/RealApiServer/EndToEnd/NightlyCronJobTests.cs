using System.Text.Json.Nodes;
using System.CommandLine;
using k8s;
using k8s.Models;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Operator.Kubernetes.Leadership;
using KafkaRecon.Tests.Crd;
using KafkaRecon.Tests.EndToEnd;
using KafkaRecon.Tests.RealApiServer.Deploy;

namespace KafkaRecon.Tests.RealApiServer.EndToEnd;

/// <summary>
/// The chart's nightly CronJob on a real control plane with kube-controller-manager: the CronJob controller creates the
/// Job on schedule; no kubelet exists, so the test plays the Job's pod by running its own args in-process with a token
/// of the CronJob's ServiceAccount; the operator, with the chart's role, reconciles what it created.
/// </summary>
[Collection(RealApiServerCollection.Name)]
[Trait("Category", "RealApiServer")]
[Trait("Category", "Slow")]
public sealed class NightlyCronJobTests(ControlPlane controlPlane) : IDisposable
{
    private const string Release = "recon";
    private const string Nightly = "recon-kafka-recon-nightly";
    private static readonly string[] Schedules = ["weekdays", "sunday"];
    private readonly GeneratedDataset _dataset = new(records: 50);

    [RealApiServerFact]
    public async Task Chart_cronjobs_of_two_schedules_fire_jobs_whose_create_commands_make_one_resource_the_operator_reconciles()
    {
        await controlPlane.EnsureControllerManagerAsync();
        var namespaceName = await controlPlane.CreateNamespaceAsync("nightly");
        using var admin = controlPlane.AdminClient();
        using var kubectl = new ClusterKubectl(controlPlane, controlPlane.AdminToken, namespaceName);

        var (exit, rendered, error) = await kubectl.RunToolAsync(Helm.Executable(3), "template", Release,
            RepositoryRoot.File(Path.Combine("charts", "kafka-recon")), "--namespace", namespaceName,
            "--values", kubectl.WriteFile("values.yaml", NightlyValues()),
            "--show-only", "templates/nightly-configmap.yaml", "--show-only", "templates/nightly-rbac.yaml",
            "--show-only", "templates/nightly-cronjob.yaml");
        Assert.True(exit == 0, rendered + error);
        (exit, var output, error) = await kubectl.RunAsync("apply", "--validate=strict", "-f", kubectl.WriteFile("nightly.yaml", rendered));
        Assert.True(exit == 0, output + error);

        // "* * * * *" fires at the next minute boundary: both schedules' CronJobs, each with its own Job.
        var jobs = new List<V1Job>();
        foreach (var schedule in Schedules)
        {
            jobs.Add(await WaitForJobAsync(admin, namespaceName, $"{Nightly}-{schedule}", TimeSpan.FromSeconds(80)));
        }
        Assert.All(jobs, j => Assert.Equal(Nightly, j.Spec.Template.Spec.ServiceAccountName));

        var operatorToken = await controlPlane.ServiceAccountTokenAsync(namespaceName, "kafka-recon");
        await ChartRbac.BindAsync(admin, namespaceName, "kafka-recon", "operator-rules.yaml", "leader-election-rules.yaml");
        var forbidden = new ForbiddenRecorder();
        await using var running = await RealOperator.StartAsync(controlPlane.ClientConfiguration(operatorToken), namespaceName,
            new LeaderElectionOptions { Enabled = true, LeaseNamespace = namespaceName }, handler: forbidden);

        var name = $"nightly-{DateTime.UtcNow.AddDays(-1):yyyyMMdd}";
        var (createExit, createOutput, createError) = await PlayPodAsync(admin, namespaceName, jobs[0].Spec.Template.Spec);
        Assert.True(createExit == 0, createOutput + createError);
        Assert.DoesNotContain("403", createOutput + createError, StringComparison.Ordinal);
        Assert.Contains($"Created kafkareconciliation {namespaceName}/{name}", createOutput, StringComparison.Ordinal);

        // The second schedule's Job finds the window's resource already there: success, no second resource.
        (createExit, createOutput, createError) = await PlayPodAsync(admin, namespaceName, jobs[1].Spec.Template.Spec);
        Assert.True(createExit == 0, createOutput + createError);
        Assert.DoesNotContain("Created kafkareconciliation", createOutput, StringComparison.Ordinal);
        var resources = await admin.CustomObjects.ListNamespacedCustomObjectAsync(
            KafkaReconciliation.Group, KafkaReconciliation.Version, namespaceName, KafkaReconciliation.Plural);
        Assert.Single(KubernetesJson.Deserialize<KafkaReconciliationList>(KubernetesJson.Serialize(resources)).Items);

        var reconciled = await WaitFinishedAsync(admin, namespaceName, name, TimeSpan.FromSeconds(60), forbidden);
        Assert.Equal(reconciled.Metadata.Generation, reconciled.Status!.ObservedGeneration);
        Assert.Empty(forbidden.Forbidden);
    }

    public void Dispose() => _dataset.Dispose();

    /// <summary>The chart's nightly values with a schedule that fires within a minute and the sample's embedded spec.</summary>
    private string NightlyValues()
    {
        var spec = KubernetesYaml.Deserialize<KafkaReconciliation>(_dataset.ResourceYaml("template")).Spec;
        var schedules = string.Join(", ", Schedules.Select(s => $$"""{"name": "{{s}}", "schedule": "* * * * *"}"""));
        // Helm merges these into the chart's default nightly.spec; null drops the defaults' start condition (wait for
        // 15 quiet minutes) and rechecks, which the just-written sample would otherwise wait on.
        var specJson = JsonNode.Parse(KubernetesJson.Serialize(spec))!.AsObject();
        specJson["start"] = null;
        specJson["recheck"] = null;
        return $$"""{"nightly": {"schedules": [{{schedules}}], "spec": """ + specJson.ToJsonString() + "}}";
    }

    /// <summary>
    /// What the kubelet would do: mount the ConfigMap (a local file instead of /etc/kafka-recon), give the pod its
    /// ServiceAccount's token (a kubeconfig instead of the projected volume), and run the container's args.
    /// </summary>
    private async Task<(int Exit, string Output, string Error)> PlayPodAsync(k8s.Kubernetes admin, string namespaceName, V1PodSpec pod)
    {
        var mount = Directory.CreateTempSubdirectory("nightly-pod-").FullName;
        try
        {
            var configMap = await admin.CoreV1.ReadNamespacedConfigMapAsync(
                pod.Volumes.Single(v => v.Name == "template").ConfigMap.Name, namespaceName);
            await File.WriteAllTextAsync(Path.Combine(mount, "template.yaml"), configMap.Data["template.yaml"]);
            var token = await controlPlane.ServiceAccountTokenAsync(namespaceName, pod.ServiceAccountName);
            var kubeconfig = controlPlane.WriteKubeconfig(mount, token, namespaceName);
            var mountPath = pod.Containers.Single().VolumeMounts.Single(m => m.Name == "template").MountPath;
            string[] args = [.. pod.Containers.Single().Args.Select(a => a.Replace(mountPath, mount, StringComparison.Ordinal)),
                "--kubeconfig", kubeconfig];
            var output = new StringWriter();
            var error = new StringWriter();
            var root = new RootCommand { CreateCommand.Create(TimeProvider.System) };
            var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Directory.Delete(mount, recursive: true);
        }
    }

    private static async Task<V1Job> WaitForJobAsync(k8s.Kubernetes admin, string namespaceName, string cronJob, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var jobs = await admin.BatchV1.ListNamespacedJobAsync(namespaceName);
            if (jobs.Items.FirstOrDefault(j => j.Metadata.OwnerReferences?.Any(o => o.Kind == "CronJob" && o.Name == cronJob) == true)
                is { } job)
            {
                return job;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The CronJob {cronJob} created no Job within {timeout}");
            await Task.Delay(500);
        }
    }

    private static async Task<KafkaReconciliation> WaitFinishedAsync(
        k8s.Kubernetes admin, string namespaceName, string name, TimeSpan timeout, ForbiddenRecorder forbidden)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var raw = await admin.CustomObjects.GetNamespacedCustomObjectAsync(
                KafkaReconciliation.Group, KafkaReconciliation.Version, namespaceName, KafkaReconciliation.Plural, name);
            var resource = KubernetesJson.Deserialize<KafkaReconciliation>(KubernetesJson.Serialize(raw));
            if (resource.IsFinished())
            {
                return resource;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{name} did not finish within {timeout}: {KubernetesJson.Serialize(raw)}; 403s: {string.Join(", ", forbidden.Forbidden)}");
            await Task.Delay(200);
        }
    }
}
