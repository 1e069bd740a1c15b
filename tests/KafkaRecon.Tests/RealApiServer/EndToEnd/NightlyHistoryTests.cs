using System.CommandLine;
using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Operator.Kubernetes.Leadership;
using KafkaRecon.Tests.Coalescing;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.RealApiServer.EndToEnd;

/// <summary>
/// The nightly <c>create</c> prunes its schedule's history on the real API server, with the chart's nightly role;
/// the finished resources carry the operator's finalizer, so the operator (with the chart's role) lets them go.
/// </summary>
[Collection(RealApiServerCollection.Name)]
[Trait("Category", "RealApiServer")]
[Trait("Category", "Slow")]
public sealed class NightlyHistoryTests(ControlPlane controlPlane) : IDisposable
{
    private const string Nightly = "recon-nightly";
    private readonly TemporaryFolder _folder = new();

    [RealApiServerFact]
    public async Task Nightly_create_keeps_the_newest_finished_runs_within_the_history_limits_and_the_operator_lets_the_rest_go()
    {
        var namespaceName = await controlPlane.CreateNamespaceAsync("history");
        using var admin = controlPlane.AdminClient();
        var operatorToken = await controlPlane.ServiceAccountTokenAsync(namespaceName, "kafka-recon");
        await ChartRbac.BindAsync(admin, namespaceName, "kafka-recon", "operator-rules.yaml", "leader-election-rules.yaml");
        var nightlyToken = await controlPlane.ServiceAccountTokenAsync(namespaceName, Nightly);
        await ChartRbac.BindAsync(admin, namespaceName, Nightly, "nightly-rules.yaml");
        string[] succeeded = ["nightly-20240301", "nightly-20240302", "nightly-20240303"];
        string[] failed = ["nightly-20240304", "nightly-20240305"];
        foreach (var name in succeeded)
        {
            await CreateFinishedAsync(admin, namespaceName, name, ReconciliationPhase.Succeeded);
        }
        foreach (var name in failed)
        {
            await CreateFinishedAsync(admin, namespaceName, name, ReconciliationPhase.Failed);
        }

        var forbidden = new ForbiddenRecorder();
        await using var running = await RealOperator.StartAsync(controlPlane.ClientConfiguration(operatorToken), namespaceName,
            new LeaderElectionOptions { Enabled = true, LeaseNamespace = namespaceName }, handler: forbidden);
        await Poll.UntilAsync(async () => (await ListAsync(admin, namespaceName)).All(r => r.Metadata.Finalizers?.Contains(WellKnown.Finalizer) == true),
            "the operator puts its finalizer on every finished run", TimeSpan.FromSeconds(30));

        var (exit, output, error) = await CreateAsync(namespaceName, nightlyToken);
        Assert.True(exit == 0, output + error);

        string[] kept = ["nightly-20240302", "nightly-20240303", "nightly-20240305", "nightly-20240310"];
        await Poll.UntilAsync(async () => (await ListAsync(admin, namespaceName)).Select(r => r.Metadata.Name).Order().SequenceEqual(kept),
            $"only {string.Join(", ", kept)} are left; create said:\n{output}{error}", TimeSpan.FromSeconds(30));
        Assert.Empty(forbidden.Forbidden);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>A finished run of the nightly schedule, as an earlier night left it.</summary>
    private static async Task CreateFinishedAsync(k8s.Kubernetes admin, string namespaceName, string name, ReconciliationPhase phase)
    {
        var day = DateTimeOffset.ParseExact(name["nightly-".Length..], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal);
        var resource = RealResources.Minimal(namespaceName, name);
        resource.Metadata.Labels = new Dictionary<string, string> { [WellKnown.ScheduleLabel] = "nightly" };
        resource.Spec.Window = new WindowSpec { Start = day, End = day.AddDays(1) };
        var created = KubernetesJson.Deserialize<KafkaReconciliation>(KubernetesJson.Serialize(
            await admin.CustomObjects.CreateNamespacedCustomObjectAsync(resource, KafkaReconciliation.Group,
                KafkaReconciliation.Version, namespaceName, KafkaReconciliation.Plural)));
        created.Status = new KafkaReconciliationStatus
        {
            Phase = phase,
            ObservedGeneration = created.Metadata.Generation,
            StartTime = day.AddDays(1),
            CompletionTime = day.AddDays(1).AddHours(1),
        };
        await admin.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(created, KafkaReconciliation.Group,
            KafkaReconciliation.Version, namespaceName, KafkaReconciliation.Plural, name);
    }

    private static async Task<List<KafkaReconciliation>> ListAsync(k8s.Kubernetes admin, string namespaceName)
    {
        var list = await admin.CustomObjects.ListNamespacedCustomObjectAsync(
            KafkaReconciliation.Group, KafkaReconciliation.Version, namespaceName, KafkaReconciliation.Plural);
        return KubernetesJson.Deserialize<KafkaReconciliationList>(KubernetesJson.Serialize(list)).Items.ToList();
    }

    /// <summary>The chart's nightly command line for 2024-03-10, with the nightly ServiceAccount's token.</summary>
    private async Task<(int Exit, string Output, string Error)> CreateAsync(string namespaceName, string token)
    {
        var template = _folder.Combine("template.yaml");
        // JSON is YAML, and KubernetesJson writes the enum values the CRD schema expects.
        await File.WriteAllTextAsync(template, KubernetesJson.Serialize(RealResources.Minimal(namespaceName, "template")));
        string[] args =
        [
            "create", $"--template={template}", $"--namespace={namespaceName}", "--prefix=nightly", "--schedule-name=nightly",
            "--concurrency-policy=Forbid", "--successful-history=2", "--failed-history=1", "--date=2024-03-10",
            "--kubeconfig", controlPlane.WriteKubeconfig(_folder.Path, token, namespaceName),
        ];
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { CreateCommand.Create(TimeProvider.System) };
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
