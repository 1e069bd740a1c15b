using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Tests.Coalescing;
using KafkaRecon.Tests.EndToEnd;
using KafkaRecon.Tests.Notifications;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.RealApiServer.EndToEnd;

/// <summary>
/// The operator process killed (SIGKILL) in each phase of an embedded run on the real API server: the proxy holds
/// the status write that would record the phase's end, so the phase's work is done in the dead process but nothing
/// durable says so. A new process resumes from what the API server holds.
/// </summary>
[Collection(RealApiServerCollection.Name)]
[Trait("Category", "RealApiServer")]
[Trait("Category", "Slow")]
public sealed class KillResumeTests(ControlPlane controlPlane) : IDisposable
{
    private const string Name = "killed";
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(90);
    private readonly GeneratedDataset _dataset = new(records: 500);
    private readonly TemporaryFolder _logs = new();

    [RealApiServerTheory]
    [InlineData(RunPhase.Coalesce)]
    [InlineData(RunPhase.Transform)]
    [InlineData(RunPhase.Query)]
    [InlineData(RunPhase.Verify)]
    public async Task Operator_killed_before_a_phase_is_recorded_done_resumes_to_exact_totals_leaves_earlier_phases_alone_and_notifies_once(
        RunPhase phase)
    {
        var namespaceName = await controlPlane.CreateNamespaceAsync($"kill-{phase.ToString().ToLowerInvariant()}");
        using var admin = controlPlane.AdminClient();
        await using var slack = await SlackReceiver.StartAsync();
        await admin.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "slack" },
            StringData = new Dictionary<string, string> { ["url"] = slack.WebhookUrl.ToString() },
        }, namespaceName);
        await using var proxy = await HoldingApiProxy.StartAsync(controlPlane, controlPlane.AdminToken);
        var held = proxy.HoldNext((method, path, body) =>
            method == "PUT" && path.EndsWith($"/{Name}/status", StringComparison.Ordinal) && Ends(body, phase));

        using (var first = StartOperator(proxy, namespaceName, "first"))
        {
            await CreateAsync(admin, namespaceName);
            await held.WaitAsync(RunLimit).ContinueWith(t => Assert.True(t.IsCompletedSuccessfully,
                $"{phase} never ended in the first process:\n{first.Tail()}"), TaskScheduler.Default);
            first.Kill();
        }
        var killed = (await ReadAsync(admin, namespaceName)).Status!;
        Assert.False(killed.Phases.Record(phase)!.State is PhaseState.Succeeded or PhaseState.Failed,
            $"{phase} is recorded as ended although its end was never written");
        var earlier = RunPhases.InOrder.TakeWhile(p => p != phase).ToList();

        using var second = StartOperator(proxy, namespaceName, "second");
        var done = await Poll.ForAsync(async () => await ReadAsync(admin, namespaceName) is { Status.Notification.State: "Sent" } r ? r : null,
            () => $"the run finishes and notifies after the restart:\n{second.Tail()}", RunLimit, TimeSpan.FromMilliseconds(100));

        var truth = _dataset.Truth.Totals;
        var results = done.Status!.Results!;
        Assert.Equal(ReconciliationPhase.Failed, done.Status.Phase); // the sample plants missing records
        Assert.Equal((truth.Imported, truth.Exported, truth.MissingExports, truth.MissingImports),
            (results.Imported, results.Exported, results.MissingExports, results.MissingImports));
        Assert.All(earlier, p => Assert.Equal(Json(killed.Phases.Record(p)), Json(done.Status.Phases.Record(p))));
        Assert.Equal(1, done.Status.Phases.Record(phase)!.Attempt);
        Assert.Single(slack.Requests);
    }

    public void Dispose()
    {
        _dataset.Dispose();
        _logs.Dispose();
    }

    /// <summary>The status write that records <paramref name="phase"/> as ended (succeeded, failed or skipped).</summary>
    private static bool Ends(string body, RunPhase phase)
    {
        var state = JsonNode.Parse(body)?["status"]?["phases"]?[phase.Name()]?["state"]?.GetValue<string>();
        return state is nameof(PhaseState.Succeeded) or nameof(PhaseState.Failed) or nameof(PhaseState.Skipped);
    }

    private OperatorProcess StartOperator(HoldingApiProxy proxy, string namespaceName, string name)
    {
        var port = FreePort.Next();
        return OperatorProcess.Start(
        [
            "operator", "--server", proxy.Url, "--namespaces", namespaceName,
            "--port", port.ToString(CultureInfo.InvariantCulture), "--log-format", "text", "--grace-period", "1s",
        ], port, _logs.Combine($"{namespaceName}-{name}.log"));
    }

    private async Task CreateAsync(k8s.Kubernetes admin, string namespaceName)
    {
        var resource = KubernetesYaml.Deserialize<KafkaReconciliation>(_dataset.ResourceYaml(Name));
        resource.Spec.Notifications.Slack = new SlackSpec { WebhookSecretRef = new SecretKeyRef { Name = "slack", Key = "url" } };
        await admin.CustomObjects.CreateNamespacedCustomObjectAsync(resource, KafkaReconciliation.Group,
            KafkaReconciliation.Version, namespaceName, KafkaReconciliation.Plural);
    }

    private static async Task<KafkaReconciliation> ReadAsync(k8s.Kubernetes admin, string namespaceName)
    {
        var raw = await admin.CustomObjects.GetNamespacedCustomObjectAsync(
            KafkaReconciliation.Group, KafkaReconciliation.Version, namespaceName, KafkaReconciliation.Plural, Name);
        return KubernetesJson.Deserialize<KafkaReconciliation>(KubernetesJson.Serialize(raw));
    }

    private static string Json(PhaseRecord? record) => KubernetesJson.Serialize(record);
}
