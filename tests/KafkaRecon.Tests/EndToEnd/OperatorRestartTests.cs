using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Tests.ApiServer;

namespace KafkaRecon.Tests.EndToEnd;

[Trait("Category", "Slow")]
public sealed class OperatorRestartTests : IDisposable
{
    private readonly GeneratedDataset _dataset = new();

    [Theory]
    [InlineData(PhaseName.Coalesce)]
    [InlineData(PhaseName.Transform)]
    [InlineData(PhaseName.Query)]
    public async Task Operator_stopped_while_a_phase_is_submitting_is_resumed_by_a_new_one_without_repeating_work(PhaseName phase)
    {
        var engines = new ObservedEngines();
        engines.Block(phase);
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await using (var first = await RunningOperator.StartAsync(server, engines.Register))
        {
            await CreateSampleAsync(client);
            await engines.BlockedStartReached.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await first.StopAsync();
        }

        Assert.Equal(0, engines.WorkDone(phase));
        engines.ReleaseAll();
        await AssertCompletesOnceAsync(server, client, engines);
    }

    [Theory]
    [InlineData(PhaseName.Coalesce)]
    [InlineData(PhaseName.Transform)]
    [InlineData(PhaseName.Query)]
    public async Task Operator_stopped_while_a_phase_is_running_is_resumed_by_a_new_one_without_repeating_work(PhaseName phase)
    {
        var engines = new ObservedEngines();
        engines.Hold(phase);
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await using (var first = await RunningOperator.StartAsync(server, engines.Register))
        {
            await CreateSampleAsync(client);
            await engines.HeldPollReached.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await client.WaitForAsync("sample", r => PhaseRecord(r, phase)?.State == PhaseState.Running, $"shows {phase} Running");
            await first.StopAsync();
        }

        engines.ReleaseAll();
        await AssertCompletesOnceAsync(server, client, engines);
    }

    private async Task CreateSampleAsync(k8s.Kubernetes client)
    {
        var resource = k8s.KubernetesYaml.Deserialize<KafkaReconciliation>(_dataset.ResourceYaml());
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(resource, "kafkarecon.io", "v1alpha1", TestApiServer.Namespace, "kafkareconciliations");
    }

    private async Task AssertCompletesOnceAsync(KafkaRecon.ApiServer.ApiTestServer server, k8s.Kubernetes client, ObservedEngines engines)
    {
        await using var second = await RunningOperator.StartAsync(server, engines.Register);
        var done = await client.WaitForAsync("sample", r => r.IsFinished(), "finishes after the restart");

        Assert.Equal(ReconciliationPhase.Failed, done.Status!.Phase);
        Assert.Equal(_dataset.Truth.Totals.MissingExports, done.Status.Results!.MissingExports);
        Assert.Equal(_dataset.Truth.Totals.Imported, done.Status.Results.Imported);
        Assert.Equal(_dataset.Truth.Totals.Exported, done.Status.Results.Exported);
        Assert.All(Enum.GetValues<PhaseName>(), p => Assert.True(engines.WorkDone(p) == 1, $"{p} did its work {engines.WorkDone(p)} times"));
    }

    private static PhaseRecord? PhaseRecord(KafkaReconciliation resource, PhaseName phase) => phase switch
    {
        PhaseName.Coalesce => resource.Status?.Phases.Coalesce,
        PhaseName.Transform => resource.Status?.Phases.Transform,
        _ => resource.Status?.Phases.Query,
    };

    public void Dispose() => _dataset.Dispose();
}
