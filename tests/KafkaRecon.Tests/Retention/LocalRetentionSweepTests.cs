using KafkaRecon.Entities;
using KafkaRecon.Operator.Retention;
using KafkaRecon.Operator.Storage;
using Microsoft.Extensions.Time.Testing;

namespace KafkaRecon.Tests.Retention;

/// <summary>Retention on a local output folder: runs aged by their newest file's modification time.</summary>
public sealed class LocalRetentionSweepTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string root = Directory.CreateTempSubdirectory("retention-").FullName;
    private string Output => Path.Combine(root, "out");
    private string Runs => Path.Combine(Output, "runs");

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Deletes_only_this_resources_runs_older_than_keepRuns_and_keeps_reports()
    {
        WriteRun("nightly-20240101", daysOld: 40, marker: true);
        WriteRun("nightly-20240102-r2", daysOld: 40, marker: false);
        WriteRun("nightly-20240501", daysOld: 10, marker: true);
        WriteRun("nightly-20240502", daysOld: 40, marker: false);
        Write(Path.Combine(Runs, "nightly-20240502", "scratch", "late.txt"), daysOld: 1); // in flight: its newest file is young
        WriteRun("nightly-20240531", daysOld: 40, marker: false); // the current run, however old its files look
        WriteRun("other-20240101", daysOld: 40, marker: true);
        WriteRun("nightly-eu-20240101", daysOld: 40, marker: true);
        Write(Path.Combine(Output, "results", "nightly-20240101_results.json"), daysOld: 40);

        var result = await Sweep().ApplyAsync(Spec("30d"), "nightly", "nightly-20240531", CancellationToken.None);

        Assert.NotNull(result);
        Assert.Empty(result.Errors);
        Assert.Equal(2, result.DeletedRuns);
        Assert.Equal(5, result.DeletedObjects);
        Assert.Equal(
            ["nightly-20240501", "nightly-20240502", "nightly-20240531", "nightly-eu-20240101", "other-20240101"],
            Directory.GetDirectories(Runs).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(Output, "results", "nightly-20240101_results.json")));
    }

    [Fact]
    public async Task A_link_inside_an_old_run_is_unlinked_and_its_target_kept()
    {
        var outside = Path.Combine(root, "precious");
        Write(Path.Combine(outside, "keep.txt"), daysOld: 40);
        WriteRun("nightly-20240101", daysOld: 40, marker: true);
        Directory.CreateSymbolicLink(Path.Combine(Runs, "nightly-20240101", "tables", "escape"), outside);
        File.CreateSymbolicLink(Path.Combine(Runs, "nightly-20240101", "file-link"), Path.Combine(outside, "keep.txt"));

        var result = await Sweep().ApplyAsync(Spec("30d"), "nightly", "nightly-20240531", CancellationToken.None);

        Assert.Equal(1, result!.DeletedRuns);
        Assert.False(Directory.Exists(Path.Combine(Runs, "nightly-20240101")));
        Assert.True(File.Exists(Path.Combine(outside, "keep.txt")));
    }

    [Fact]
    public async Task A_run_folder_that_is_a_link_is_never_followed()
    {
        var outside = Path.Combine(root, "elsewhere");
        Write(Path.Combine(outside, "tables", "counts", "part-0.parquet"), daysOld: 40);
        Directory.CreateDirectory(Runs);
        Directory.CreateSymbolicLink(Path.Combine(Runs, "nightly-20240101"), outside);

        var result = await Sweep().ApplyAsync(Spec("30d"), "nightly", "nightly-20240531", CancellationToken.None);

        Assert.Equal(0, result!.DeletedRuns);
        Assert.True(File.Exists(Path.Combine(outside, "tables", "counts", "part-0.parquet")));
    }

    [Fact]
    public async Task A_runs_folder_that_is_a_link_is_refused_whole()
    {
        var outside = Path.Combine(root, "elsewhere");
        Write(Path.Combine(outside, "nightly-20240101", "tables", "_SUCCESS"), daysOld: 40);
        Directory.CreateDirectory(Output);
        Directory.CreateSymbolicLink(Runs, outside);

        var result = await Sweep().ApplyAsync(Spec("30d"), "nightly", "nightly-20240531", CancellationToken.None);

        Assert.Equal(0, result!.DeletedRuns);
        Assert.Contains("symbolic link", Assert.Single(result.Errors));
        Assert.True(File.Exists(Path.Combine(outside, "nightly-20240101", "tables", "_SUCCESS")));
    }

    [Fact]
    public async Task Without_keepRuns_nothing_is_looked_at()
    {
        WriteRun("nightly-20240101", daysOld: 400, marker: true);

        var result = await Sweep().ApplyAsync(Spec(null), "nightly", "nightly-20240531", CancellationToken.None);

        Assert.Null(result);
        Assert.True(Directory.Exists(Path.Combine(Runs, "nightly-20240101")));
    }

    private RetentionSweep Sweep() => new(new LocalObjectStore(), null, new FakeTimeProvider(Now));

    private KafkaReconciliationSpec Spec(string? keepRuns) => new()
    {
        Engine = EngineKind.Embedded,
        Output = new OutputSpec { Location = Output },
        Retention = new RetentionSpec { KeepRuns = keepRuns },
    };

    /// <summary>A run folder like the embedded engine's: two table files and, when complete, the marker.</summary>
    private void WriteRun(string runId, int daysOld, bool marker)
    {
        var tables = Path.Combine(Runs, runId, "tables");
        Write(Path.Combine(tables, "counts", "part-0.parquet"), daysOld);
        Write(Path.Combine(tables, "missing_imports", "part-0.parquet"), daysOld);
        if (marker)
        {
            Write(Path.Combine(tables, "_SUCCESS"), daysOld);
        }
    }

    private static void Write(string path, int daysOld)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
        File.SetLastWriteTimeUtc(path, Now.UtcDateTime.AddDays(-daysOld));
    }
}
