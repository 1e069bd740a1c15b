using KafkaRecon.Entities;
using KafkaRecon.Tests.ApiServer;

namespace KafkaRecon.Tests.EndToEnd;

/// <summary>Reconcile workers only plan, persist and poll: a long embedded phase never keeps others waiting for a status.</summary>
[Trait("Category", "Slow")]
public sealed class AnswerAtOnceTests : IDisposable
{
    private readonly GeneratedDataset _dataset = new(records: 200);

    [Fact]
    public async Task A_second_resource_gets_its_first_status_while_the_first_ones_phase_still_runs_and_shows_its_queue_place()
    {
        var engines = new ObservedEngines();
        engines.Block(PhaseName.Transform);
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        using var kubectl = new Kubectl(server);
        await using var running = await RunningOperator.StartAsync(server, engines.Register, workers: 1, maxConcurrentRuns: 1);

        var (exit, output, error) = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("first.yaml", _dataset.ResourceYaml("first")));
        Assert.True(exit == 0, output + error);
        await engines.BlockedStartReached.Task.WaitAsync(TimeSpan.FromSeconds(60));
        (exit, output, error) = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("second.yaml", _dataset.ResourceYaml("second")));
        Assert.True(exit == 0, output + error);

        var second = await client.WaitForAsync("second", r => r.Status?.Phase == ReconciliationPhase.Queued, "shows Queued");
        Assert.Equal(0, engines.WorkDone(PhaseName.Transform)); // the first one's transform is still held
        Assert.Contains("position 1 of 1", second.Condition(ConditionTypes.Coalesced)?.Message);
        var first = await client.TryGetAsync("first");
        Assert.Equal(PhaseState.Submitting, first!.Status!.Phases.Transform!.State); // in this process: a restart submits it again

        engines.ReleaseAll();
        await client.WaitForAsync("first", r => r.IsFinished(), "first finishes");
        await client.WaitForAsync("second", r => r.IsFinished(), "second finishes");
    }

    public void Dispose() => _dataset.Dispose();
}
