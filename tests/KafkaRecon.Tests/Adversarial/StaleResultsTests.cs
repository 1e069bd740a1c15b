using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Engines.Embedded;
using static KafkaRecon.Tests.Engines.Embedded.ManifestLine;

namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// Issue 12, case 1: results are reused only when the spec fields that shape the comparison and the input listing
/// are unchanged; any change computes afresh under a new run folder, and the old results are left as they were.
/// </summary>
[Trait("Category", "Slow")]
public sealed class StaleResultsTests : IDisposable
{
    private const string PlainRunId = "nightly-2024-03-01";
    private static readonly long S = EmbeddedRun.StartMs;
    private readonly EmbeddedRun run = new();

    public StaleResultsTests()
    {
        run.WriteImports("k2hb.txt", Import("a", S + 1, "db", "c"), Import("b", S + 2, "db", "c"));
        run.WriteExports("htme.txt", Export("a", S + 1, "db", "c"));
    }

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task Nothing_changed_reuses_the_published_results()
    {
        await run.TransformSucceedsAsync();
        var marker = Path.Combine(Path.GetDirectoryName(run.Layout.Table(RunLayout.CountsTable))!, "_SUCCESS");
        var written = File.GetLastWriteTimeUtc(marker);

        await run.TransformSucceedsAsync();

        Assert.Equal(PlainRunId, run.RunId);
        Assert.Equal(written, File.GetLastWriteTimeUtc(marker));
    }

    [Fact]
    public async Task A_changed_export_location_computes_fresh_results_in_a_new_run_folder()
    {
        await run.TransformSucceedsAsync();
        var other = Path.Combine(run.Root, "export-2");
        Directory.CreateDirectory(other);
        File.WriteAllLines(Path.Combine(other, "htme.txt"), [Export("a", S + 1, "db", "c"), Export("b", S + 2, "db", "c")]);
        run.Spec.Manifests.ExportLocation = other;

        await run.TransformSucceedsAsync();

        Assert.NotEqual(PlainRunId, run.RunId);
        Assert.StartsWith(PlainRunId + "-f", run.RunId);
        Assert.Equal(["db|c|2|2|0|2|0|0|0|0"], run.Counts());
        Assert.True(File.Exists(Path.Combine(run.Root, "output", "runs", PlainRunId, "tables", "_SUCCESS")));
    }

    [Fact]
    public async Task A_changed_margin_computes_fresh_results()
    {
        await run.TransformSucceedsAsync();
        run.Spec.Window.MarginMinutes = 5;
        run.Window.MarginMinutes = 5;

        await run.TransformSucceedsAsync();

        Assert.StartsWith(PlainRunId + "-f", run.RunId);
    }

    [Fact]
    public async Task A_late_export_file_computes_fresh_results_that_count_it()
    {
        await run.TransformSucceedsAsync();
        Assert.Equal(["db|c|2|1|0|1|0|1|0|0"], run.Counts());
        run.WriteExports("late.txt", Export("b", S + 2, "db", "c"));

        await run.TransformSucceedsAsync();

        Assert.StartsWith(PlainRunId + "-f", run.RunId);
        Assert.Equal(["db|c|2|2|0|2|0|0|0|0"], run.Counts());
    }

    [Fact]
    public async Task Going_back_to_the_first_inputs_reuses_the_first_results()
    {
        await run.TransformSucceedsAsync();
        run.WriteExports("late.txt", Export("b", S + 2, "db", "c"));
        await run.TransformSucceedsAsync();
        File.Delete(Path.Combine(run.ExportFolder, "late.txt"));

        await run.TransformSucceedsAsync();

        Assert.Equal(PlainRunId, run.RunId);
        Assert.Equal(["db|c|2|1|0|1|0|1|0|0"], run.Counts());
    }
}
