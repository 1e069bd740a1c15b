using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Tests.ApiServer;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.EndToEnd;

[Trait("Category", "Slow")]
public sealed class DeleteDuringRunTests : IDisposable
{
    private readonly GeneratedDataset _dataset = new(records: 500);

    [Fact]
    public async Task Deleting_during_a_running_phase_cancels_the_engine_removes_the_finalizer_and_the_object()
    {
        var engines = new ObservedEngines();
        engines.Hold(PhaseName.Transform);
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        using var kubectl = new Kubectl(server);
        await using var running = await RunningOperator.StartAsync(server, engines.Register);
        var (exit, output, error) = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("sample.yaml", _dataset.ResourceYaml()));
        Assert.True(exit == 0, output + error);
        var inFlight = await client.WaitForAsync("sample", r => r.Status?.Phases.Transform?.State == PhaseState.Running, "shows transform Running");
        Assert.Contains(WellKnown.Finalizer, inFlight.Metadata.Finalizers ?? []);

        (exit, output, error) = await kubectl.RunAsync("delete", "krecon", "sample", "--wait=false");
        Assert.True(exit == 0, output + error);

        await Poll.UntilAsync(async () => await client.TryGetAsync("sample") is null, "the object is gone", TimeSpan.FromSeconds(30));
        Assert.True(engines.Cancels(PhaseName.Transform) >= 1, "CancelAsync reached the transform engine");
        Assert.Equal(0, engines.WorkDone(PhaseName.Query));
    }

    public void Dispose() => _dataset.Dispose();
}
