using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Tests.Engines.Embedded;
using Xunit.Abstractions;
using static KafkaRecon.Tests.Engines.Embedded.ManifestLine;

namespace KafkaRecon.Tests.Inputs;

/// <summary>
/// Issue 14, item 4: with 30 days of history in the locations and one day in the window, the embedded engine reads
/// only the files that can hold the window's records, and its totals stay exact.
/// </summary>
[Trait("Category", "Slow")]
public sealed class InputPruningTests(ITestOutputHelper output) : IDisposable
{
    private const int HistoryDays = 30;
    private const int RecordsPerFile = 200;
    private readonly EmbeddedRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task Thirty_days_of_history_are_pruned_to_the_window_with_exact_totals()
    {
        var windowBytes = WriteHistoryAndWindow();

        var pruned = await TransformAsync();
        var prunedCounts = run.Counts();
        run.Spec.Manifests.Pruning = InputPruning.None;
        var unpruned = await TransformAsync();

        var read = pruned.Import.Bytes + pruned.Export.Bytes;
        output.WriteLine($"window's own manifests: {windowBytes} bytes; read with pruning: {read} bytes; " +
                         $"without: {unpruned.Import.Bytes + unpruned.Export.Bytes} bytes");
        Assert.True(read <= windowBytes * 1.2, $"read {read} bytes for a window of {windowBytes}");
        Assert.Equal(1, pruned.Import.Files);
        Assert.Equal(HistoryDays, pruned.Import.SkippedOlder);
        Assert.Equal(HistoryDays, pruned.Export.SkippedFiles);
        Assert.Equal(HistoryDays + 1, unpruned.Import.Files);
        Assert.Equal([$"db|c|{RecordsPerFile}|{RecordsPerFile}|0|{RecordsPerFile}|0|0|0|0"], prunedCounts);
        Assert.Equal(prunedCounts, run.Counts());
    }

    [Fact]
    public async Task A_file_modified_within_the_slack_before_the_window_is_still_read()
    {
        run.WriteImports("edge.txt", Import("a", EmbeddedRun.StartMs + 1, "db", "c"));
        File.SetLastWriteTimeUtc(Path.Combine(run.ImportFolder, "edge.txt"), EmbeddedRun.Start.AddMinutes(-59).UtcDateTime);

        var inputs = await TransformAsync();

        Assert.Equal(1, inputs.Import.Files);
        Assert.Equal(0, inputs.Import.SkippedOlder);
    }

    [Fact]
    public async Task Hidden_files_are_counted_as_skipped()
    {
        run.WriteImports("k2hb.txt", Import("a", EmbeddedRun.StartMs + 1, "db", "c"));
        run.WriteImports("_temporary.txt", Import("b", EmbeddedRun.StartMs + 1, "db", "c"));
        run.WriteImports(".partial.txt", Import("c", EmbeddedRun.StartMs + 1, "db", "c"));

        var inputs = await TransformAsync();

        Assert.Equal(1, inputs.Import.Files);
        Assert.Equal(2, inputs.Import.SkippedHidden);
        Assert.Equal(2, inputs.Import.SkippedFiles);
        Assert.Equal(["db|c|1|0|0|0|0|1|0|0"], run.Counts());
    }

    private async Task<RunInputs> TransformAsync()
    {
        var observation = await run.TransformAsync();
        Assert.True(observation.State == ObservedState.Succeeded, $"{observation.Reason}: {observation.Message}");
        return observation.Inputs!;
    }

    /// <summary>One import and one export file per day, each written at noon of its records' day; returns the window's bytes.</summary>
    private long WriteHistoryAndWindow()
    {
        long windowBytes = 0;
        for (var day = -HistoryDays; day <= 0; day++)
        {
            var start = EmbeddedRun.Start.AddDays(day);
            var ms = start.ToUnixTimeMilliseconds();
            var ids = Enumerable.Range(0, RecordsPerFile).Select(i => $"id-{day}-{i}").ToList();
            var import = Path.Combine(run.ImportFolder, $"k2hb_{start:yyyyMMdd}.txt");
            var export = Path.Combine(run.ExportFolder, $"htme_{start:yyyyMMdd}.txt");
            File.WriteAllLines(import, ids.Select((id, i) => Import(id, ms + i, "db", "c")));
            File.WriteAllLines(export, ids.Select((id, i) => Export(id, ms + i, "db", "c")));
            foreach (var file in new[] { import, export })
            {
                File.SetLastWriteTimeUtc(file, start.AddHours(12).UtcDateTime);
                windowBytes += day == 0 ? new FileInfo(file).Length : 0;
            }
        }
        return windowBytes;
    }
}
