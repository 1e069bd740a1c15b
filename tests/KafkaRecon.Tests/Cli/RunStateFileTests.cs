using KafkaRecon.Entities;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Tests.Coalescing;

namespace KafkaRecon.Tests.Cli;

public sealed class RunStateFileTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_new_run_of_the_same_resource_resumes_the_saved_status()
    {
        var path = folder.Combine("state.json");
        var first = Resource();
        await new RunStateFile(path).WriteStatusAsync(first, Running("transform", "jr_1"), CancellationToken.None);
        var second = Resource();

        new RunStateFile(path).Resume(second);

        Assert.Equal(PhaseState.Running, second.Status!.Phases.Transform!.State);
        Assert.Equal(["jr_1"], second.Status.Phases.Transform.ExternalIds);
        Assert.Equal("recon/r/uid/transform/1", second.Status.Phases.Transform.IdempotencyKey);
    }

    [Fact]
    public void Without_a_state_file_the_run_starts_afresh()
    {
        var resource = Resource();

        new RunStateFile(folder.Combine("absent.json")).Resume(resource);

        Assert.Null(resource.Status);
    }

    [Fact]
    public async Task A_state_file_of_another_spec_is_refused_naming_the_option()
    {
        var path = folder.Combine("state.json");
        await new RunStateFile(path).WriteStatusAsync(Resource(), Running("transform", "jr_1"), CancellationToken.None);
        var changed = Resource();
        changed.Spec.Output.Location = "/elsewhere";

        var error = Assert.Throws<InvalidResourceException>(() => new RunStateFile(path).Resume(changed));

        Assert.Contains("--state-file", error.Message);
        Assert.Contains("recon/r", error.Message);
    }

    [Fact]
    public async Task Every_status_write_replaces_the_file_whole()
    {
        var path = folder.Combine("state.json");
        var sink = new RunStateFile(path);
        var resource = Resource();
        await sink.WriteStatusAsync(resource, Running("transform", "jr_1"), CancellationToken.None);
        await sink.WriteStatusAsync(resource, Running("transform", "jr_2"), CancellationToken.None);
        var resumed = Resource();

        new RunStateFile(path).Resume(resumed);

        Assert.Equal(["jr_2"], resumed.Status!.Phases.Transform!.ExternalIds);
        Assert.False(File.Exists(path + ".tmp"));
    }

    private static KafkaReconciliation Resource() => new()
    {
        Metadata = new() { Name = "r", NamespaceProperty = "recon", Uid = "uid", Generation = 1 },
        Spec = new KafkaReconciliationSpec
        {
            Manifests = new ManifestsSpec { ImportLocation = "/in", ExportLocation = "/ex" },
            Output = new OutputSpec { Location = "/out" },
        },
    };

    private static KafkaReconciliationStatus Running(string phase, string externalId) => new()
    {
        RunId = "r-20261125",
        Phases = new PhaseRecords
        {
            Transform = new PhaseRecord
            {
                State = PhaseState.Running, IdempotencyKey = $"recon/r/uid/{phase}/1", ExternalIds = [externalId],
            },
        },
    };
}
