using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Tests.ApiServer;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.EndToEnd;

[Trait("Category", "Slow")]
public sealed class ApiFaultTests : IDisposable
{
    private const string Plural = "kafkareconciliations";
    private readonly GeneratedDataset _dataset = new(records: 500);

    [Fact]
    public async Task Injected_conflicts_on_status_writes_and_errors_on_reads_still_converge_to_the_truth()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var resource = k8s.KubernetesYaml.Deserialize<KafkaReconciliation>(_dataset.ResourceYaml());
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(resource, "kafkarecon.io", "v1alpha1", TestApiServer.Namespace, Plural);
        server.Faults.FailNext(2, 500, verb: "list", resource: Plural);
        server.Faults.FailNext(3, 409, resource: Plural, subresource: "status");
        server.Faults.FailNext(2, 500, verb: "get", resource: Plural);
        server.Faults.FailNext(2, 429, verb: "get", resource: Plural, retryAfter: TimeSpan.FromSeconds(1));
        await using var running = await RunningOperator.StartAsync(server);
        await Poll.UntilAsync(() => server.Requests.All.Count(r => r.Resource == Plural && r.StatusCode is 409 or 429 or 500) == 9,
            "the operator met every injected fault", TimeSpan.FromSeconds(60));

        var done = await client.WaitForAsync("sample", r => r.IsFinished(), "finishes despite the faults");
        var truth = _dataset.Truth.Totals;
        Assert.Equal(ReconciliationPhase.Failed, done.Status!.Phase);
        Assert.Equal((truth.Imported, truth.Exported, truth.MissingExports, truth.MissingImports),
            (done.Status.Results!.Imported, done.Status.Results.Exported, done.Status.Results.MissingExports, done.Status.Results.MissingImports));
        Assert.Equal(done.Metadata.Generation, done.Status.ObservedGeneration);
        var answered = server.Requests.All.Where(r => r.Resource == Plural).ToList();
        Assert.Equal(3, answered.Count(r => r.Subresource == "status" && r.StatusCode == 409));
        Assert.Equal(2, answered.Count(r => r.Verb == "get" && r.StatusCode == 429));
        Assert.Equal(4, answered.Count(r => r.Verb is "get" or "list" && r.StatusCode == 500));
    }

    public void Dispose() => _dataset.Dispose();
}
