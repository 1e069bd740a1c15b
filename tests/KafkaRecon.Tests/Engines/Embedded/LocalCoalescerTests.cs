using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Embedded;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Coalescing;

namespace KafkaRecon.Tests.Engines.Embedded;

public sealed class LocalCoalescerTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string ImportFolder => _folder.Combine("import");
    private string ExportFolder => _folder.Combine("export");

    private PhaseContext Context(params int[] partitions)
    {
        var spec = new KafkaReconciliationSpec
        {
            Engine = EngineKind.Embedded,
            Manifests = new ManifestsSpec { ImportLocation = ImportFolder, ExportLocation = ExportFolder },
            Output = new OutputSpec { Location = _folder.Combine("output") },
            Coalesce = new CoalesceSpec { MaxFiles = 3, Partitions = [.. partitions], MinFileAge = "0s" },
        };
        var window = new ResolvedWindow { Start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero) };
        return new PhaseContext(new ResourceIdentity("default", "sample", "uid-1"), "sample-2024-03-01", window, spec, 1, "key-1", []);
    }

    private void WriteManifests()
    {
        for (var partition = 0; partition < 2; partition++)
        {
            for (var file = 0; file < 3; file++)
            {
                ManifestFolder.WriteK2hb(ImportFolder, "db.core.claimant", partition, file * 10, 2);
            }
        }
        ManifestFolder.WriteHtme(ExportFolder, "db.core.claimant", 1, 2);
        ManifestFolder.WriteHtme(ExportFolder, "db.core.claimant", 2, 2);
    }

    [Fact]
    public async Task Merges_only_files_on_the_runs_input_list_and_leaves_older_history_as_it_was()
    {
        WriteManifests();
        var history = Directory.GetFiles(ExportFolder).Order(StringComparer.Ordinal).ToList();
        foreach (var file in history)
        {
            File.SetLastWriteTimeUtc(file, new DateTime(2024, 2, 1, 12, 0, 0, DateTimeKind.Utc));
        }

        var observation = await new LocalCoalescer(TimeProvider.System).StartAsync(Context(), CancellationToken.None);

        Assert.Equal(ObservedState.Succeeded, observation.State);
        Assert.Equal(history, Directory.GetFiles(ExportFolder).Order(StringComparer.Ordinal));
        Assert.All(history, f => Assert.Equal(new DateTime(2024, 2, 1, 12, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(f)));
        Assert.Equal(2, ManifestFolder.Files(ImportFolder).Length);
    }

    [Fact]
    public async Task Coalesces_both_locations_and_reports_one_job_per_side()
    {
        WriteManifests();
        var before = ManifestFolder.Lines(_folder.Path);

        var observation = await new LocalCoalescer(TimeProvider.System).StartAsync(Context(), CancellationToken.None);

        Assert.Equal(ObservedState.Succeeded, observation.State);
        Assert.Equal(["import", "export"], observation.Jobs.Select(j => j.Name));
        Assert.All(observation.Jobs, j => Assert.Equal("Succeeded", j.State));
        Assert.Equal(before, ManifestFolder.Lines(_folder.Path));
        Assert.Equal(2, ManifestFolder.Files(ImportFolder).Length);
        Assert.Single(ManifestFolder.Files(ExportFolder));
    }

    [Fact]
    public async Task Partitions_of_the_spec_become_one_import_job_each()
    {
        WriteManifests();

        var observation = await new LocalCoalescer(TimeProvider.System).StartAsync(Context(1), CancellationToken.None);

        Assert.Equal(["import-partition-1", "export"], observation.Jobs.Select(j => j.Name));
        var names = ManifestFolder.Files(ImportFolder).Select(Path.GetFileName).ToList();
        Assert.Contains("db.core.claimant_1_0-1_20-21_coalesced_3.txt", names);
        Assert.Equal(3, names.Count(n => n!.StartsWith("db.core.claimant_0_", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Failed_batch_fails_the_phase_with_a_message_naming_the_file()
    {
        WriteManifests();
        var broken = ManifestFolder.Files(ExportFolder).Order(StringComparer.Ordinal).First();
        var store = new FaultyObjectStore(location => location == broken);

        var observation = await new LocalCoalescer(TimeProvider.System, _ => store).StartAsync(Context(), CancellationToken.None);

        Assert.Equal(ObservedState.Failed, observation.State);
        Assert.Equal(LocalCoalescer.FailedReason, observation.Reason);
        Assert.Contains(broken, observation.Message);
        Assert.Equal(["Succeeded", "Failed"], observation.Jobs.Select(j => j.State));
        Assert.Equal(2, ManifestFolder.Files(ExportFolder).Length);
    }

    [Fact]
    public async Task Missing_location_fails_without_retry_naming_the_field()
    {
        Directory.CreateDirectory(ExportFolder);

        var observation = await new LocalCoalescer(TimeProvider.System).StartAsync(Context(), CancellationToken.None);

        Assert.Equal(ObservedState.Failed, observation.State);
        Assert.False(observation.Retryable);
        Assert.Contains("spec.manifests.importLocation", observation.Message);
    }

    [Fact]
    public async Task Poll_after_completion_changes_nothing_and_succeeds()
    {
        WriteManifests();
        var coalescer = new LocalCoalescer(TimeProvider.System);
        await coalescer.StartAsync(Context(), CancellationToken.None);
        var names = ManifestFolder.Names(_folder.Path);

        var observation = await coalescer.PollAsync(Context(), CancellationToken.None);

        Assert.Equal(ObservedState.Succeeded, observation.State);
        Assert.Equal(names, ManifestFolder.Names(_folder.Path));
    }
}
