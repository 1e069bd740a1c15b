using System.Globalization;
using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Kubernetes.Leadership;
using KafkaRecon.Tests.EndToEnd;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.RealApiServer.EndToEnd;

[Collection(RealApiServerCollection.Name)]
[Trait("Category", "RealApiServer")]
[Trait("Category", "Slow")]
public sealed class ApplyWithChartRbacTests(ControlPlane controlPlane) : IDisposable
{
    private readonly GeneratedDataset _dataset = new(records: 500);

    [RealApiServerFact]
    public async Task Operator_with_the_charts_role_runs_a_sample_to_exact_totals_and_deletes_it_without_a_single_403()
    {
        var namespaceName = await controlPlane.CreateNamespaceAsync("e2e");
        using var admin = controlPlane.AdminClient();
        var token = await controlPlane.ServiceAccountTokenAsync(namespaceName, "kafka-recon");
        await ChartRbac.BindAsync(admin, namespaceName, "kafka-recon", "operator-rules.yaml", "leader-election-rules.yaml");
        var forbidden = new ForbiddenRecorder();
        using var kubectl = new ClusterKubectl(controlPlane, controlPlane.AdminToken, namespaceName);
        await using (var running = await RealOperator.StartAsync(controlPlane.ClientConfiguration(token), namespaceName,
                         new LeaderElectionOptions { Enabled = true, LeaseNamespace = namespaceName }, handler: forbidden))
        {
            var (exit, output, error) = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("sample.yaml", _dataset.ResourceYaml("sample")));
            Assert.True(exit == 0, output + error);

            var done = await WaitAsync(admin, namespaceName, "sample", r => r.IsFinished(), TimeSpan.FromSeconds(90));
            var truth = _dataset.Truth.Totals;
            Assert.Equal(ReconciliationPhase.Failed, done.Status!.Phase); // the sample plants missing records
            var results = done.Status.Results!;
            Assert.Equal((truth.Imported, truth.Exported, truth.MissingExports, truth.MissingImports),
                (results.Imported, results.Exported, results.MissingExports, results.MissingImports));

            // The verdict's Warning event is recorded just after the finished status: wait for it, bounded.
            await Poll.UntilAsync(async () => (await admin.CoreV1.ListNamespacedEventAsync(namespaceName)).Items
                .Any(e => e.InvolvedObject?.Name == "sample" && e.Type == "Warning"), "the verdict's Warning event is recorded");

            // Printer columns as the real server's table conversion renders them.
            var (getExit, table, getError) = await kubectl.RunAsync("get", "krecon", "sample");
            Assert.True(getExit == 0, getError);
            var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var header = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var row = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(["sample", "Failed"], row[..2]);
            Assert.Contains("PHASE", header);
            Assert.Contains(truth.MissingExports.ToString(CultureInfo.InvariantCulture), row);

            // Deleting goes through the operator's finalizer with the same role.
            (exit, output, error) = await kubectl.RunAsync("delete", "krecon", "sample", "--wait=true", "--timeout=60s");
            Assert.True(exit == 0, output + error);
        }

        Assert.Empty(forbidden.Forbidden);
    }

    public void Dispose() => _dataset.Dispose();

    private static async Task<KafkaReconciliation> WaitAsync(
        k8s.Kubernetes client, string namespaceName, string name, Func<KafkaReconciliation, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        KafkaReconciliation? last = null;
        while (true)
        {
            var raw = await client.CustomObjects.GetNamespacedCustomObjectAsync(
                KafkaReconciliation.Group, KafkaReconciliation.Version, namespaceName, KafkaReconciliation.Plural, name);
            last = KubernetesJson.Deserialize<KafkaReconciliation>(KubernetesJson.Serialize(raw));
            if (condition(last))
            {
                return last;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{name} did not get there within {timeout}; status: {KubernetesJson.Serialize(last.Status)}");
            }
            await Task.Delay(100);
        }
    }
}
