using KafkaRecon.Operator.Coalescing;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Tests.Coalescing;

public sealed class ManifestCoalescerTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Task<CoalesceReport> CoalesceAsync(
        IObjectStore store, string location, int maxFiles = 1000, long maxBytes = 1_000_000, params ManifestSide[] sides) =>
        new ManifestCoalescer(store, TimeProvider.System).CoalesceAsync(
            new CoalesceRequest(location, sides.Length == 0 ? [ManifestSide.Import, ManifestSide.Export] : sides,
                new CoalesceLimits(maxFiles, maxBytes)),
            CancellationToken.None);

    private string[] WriteImportFiles(int files, int linesEach = 3, string topic = "db.core.claimant")
    {
        var folder = _folder.Combine("import", "main");
        return [.. Enumerable.Range(0, files).Select(i => ManifestFolder.WriteK2hb(folder, topic, 0, i * 100, linesEach))];
    }

    [Fact]
    public async Task Merges_each_batch_into_one_file_with_every_line_and_deletes_the_originals()
    {
        WriteImportFiles(7);
        ManifestFolder.WriteHtme(_folder.Combine("export"), "db.core.claimant", 1, 4);
        ManifestFolder.WriteHtme(_folder.Combine("export"), "db.core.claimant", 2, 4);
        var before = ManifestFolder.Lines(_folder.Path);

        var report = await CoalesceAsync(new LocalObjectStore(), _folder.Path, maxFiles: 3);

        Assert.True(report.Succeeded, string.Join("; ", report.Failures));
        Assert.Equal(before, ManifestFolder.Lines(_folder.Path));
        Assert.Equal(
            [
                "export/db.core.claimant-000-255-000001_db.core.claimant-000-255-000002_coalesced_2.csv",
                "import/main/db.core.claimant_0_0-2_200-202_coalesced_3.txt",
                "import/main/db.core.claimant_0_300-302_500-502_coalesced_3.txt",
                "import/main/db.core.claimant_0_600-db.core.claimant_0_602.txt",
            ],
            ManifestFolder.Names(_folder.Path));
        Assert.Equal((8, 3, 8, 1, 26), (report.FilesRead, report.FilesWritten, report.FilesDeleted, report.SingleFilesSkipped, report.LinesWritten));
        Assert.Equal(report.BytesRead, report.BytesWritten);
    }

    [Fact]
    public async Task A_member_without_a_final_newline_does_not_join_two_records()
    {
        var folder = _folder.Combine("import");
        ManifestFolder.WriteK2hb(folder, "t", 0, 0, 2, finalNewline: false);
        ManifestFolder.WriteK2hb(folder, "t", 0, 10, 2, finalNewline: false);
        var before = ManifestFolder.Lines(_folder.Path);

        var report = await CoalesceAsync(new LocalObjectStore(), _folder.Path);

        Assert.True(report.Succeeded);
        Assert.Equal(4, report.LinesWritten);
        Assert.Equal(before, ManifestFolder.Lines(_folder.Path));
        Assert.EndsWith("\n", File.ReadAllText(ManifestFolder.Files(folder).Single()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_member_s_leading_byte_order_mark_is_dropped_so_it_never_lands_inside_an_id(bool streamed)
    {
        // Before, the second member's mark landed inside the merged file, its first id read as "\uFEFFb" and the run
        // reported a false missing export and a false missing import.
        var folder = _folder.Combine("import");
        var first = ManifestFolder.WriteK2hb(folder, "t", 0, 0, 2);
        var second = ManifestFolder.WriteK2hb(folder, "t", 0, 10, 2);
        var third = ManifestFolder.WriteK2hb(folder, "t", 0, 20, 2);
        var lines = ManifestFolder.Lines(_folder.Path);
        foreach (var path in new[] { first, second })
        {
            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(path)]);
        }

        var report = await new ManifestCoalescer(new LocalObjectStore(), TimeProvider.System).CoalesceAsync(
            new CoalesceRequest(_folder.Path, [ManifestSide.Import], new CoalesceLimits(1000, 1_000_000))
            {
                Prefetch = streamed ? PrefetchLimits.Default with { LargestBufferedFile = 0 } : PrefetchLimits.Default,
            },
            CancellationToken.None);

        Assert.True(report.Succeeded, string.Join("; ", report.Failures));
        var merged = File.ReadAllBytes(ManifestFolder.Files(folder).Single());
        Assert.Equal(-1, merged.AsSpan().IndexOf([(byte)0xEF, (byte)0xBB, (byte)0xBF]));
        Assert.Equal(lines, ManifestFolder.Lines(_folder.Path));
        Assert.Equal(report.BytesRead, report.BytesWritten);
        Assert.False(File.Exists(third));
    }

    [Fact]
    public async Task Failed_read_of_one_member_writes_nothing_and_deletes_nothing()
    {
        var originals = WriteImportFiles(5);
        var before = ManifestFolder.Names(_folder.Path);
        var store = new FaultyObjectStore(location => location == originals[3]);

        var report = await CoalesceAsync(store, _folder.Path);

        var failure = Assert.Single(report.Failures);
        Assert.Contains(originals[3], failure.Message);
        Assert.Equal(originals, failure.Files);
        Assert.Equal(before, ManifestFolder.Names(_folder.Path));
        Assert.Equal(0, report.FilesDeleted);
    }

    [Fact]
    public async Task Member_held_exclusively_by_a_writer_fails_its_batch_and_nothing_is_deleted()
    {
        var originals = WriteImportFiles(5);
        var before = ManifestFolder.Lines(_folder.Path);

        CoalesceReport report;
        await using (new FileStream(originals[2], FileMode.Append, FileAccess.Write, FileShare.None))
        {
            report = await CoalesceAsync(new LocalObjectStore(), _folder.Path);
        }

        var failure = Assert.Single(report.Failures);
        Assert.Contains(originals[2], failure.Message);
        Assert.Equal(0, report.FilesDeleted);
        Assert.Equal(before, ManifestFolder.Lines(_folder.Path));
        Assert.Equal(originals.Length, ManifestFolder.Files(_folder.Combine("import", "main")).Length);
    }

    [Fact]
    public async Task Truncated_merged_file_is_caught_by_the_line_count_and_no_original_is_deleted()
    {
        WriteImportFiles(4, linesEach: 50);
        var before = ManifestFolder.Names(_folder.Path);
        var store = new FaultyObjectStore { TruncateWriteOf = location => location.Contains("_coalesced_") };

        var report = await CoalesceAsync(store, _folder.Path);

        var failure = Assert.Single(report.Failures);
        Assert.Contains("lines", failure.Message);
        Assert.Equal(before, ManifestFolder.Names(_folder.Path));
    }

    [Fact]
    public async Task Crash_after_write_before_delete_is_completed_by_a_rerun_without_duplicating_lines()
    {
        WriteImportFiles(6);
        var before = ManifestFolder.Lines(_folder.Path);

        var crashed = await CoalesceAsync(new FaultyObjectStore { DeletesBeforeCrash = 0 }, _folder.Path);
        Assert.False(crashed.Succeeded);
        Assert.Equal(7, ManifestFolder.Names(_folder.Path).Count);

        var rerun = await CoalesceAsync(new LocalObjectStore(), _folder.Path);

        Assert.True(rerun.Succeeded, string.Join("; ", rerun.Failures));
        Assert.Equal((1, 0, 6), (rerun.BatchesCompleted, rerun.FilesWritten, rerun.FilesDeleted));
        Assert.Equal(before, ManifestFolder.Lines(_folder.Path));
        Assert.Single(ManifestFolder.Names(_folder.Path));
    }

    [Fact]
    public async Task Crash_part_way_through_deleting_is_completed_by_a_rerun_without_duplicating_lines()
    {
        WriteImportFiles(6);
        var before = ManifestFolder.Lines(_folder.Path);

        await CoalesceAsync(new FaultyObjectStore { DeletesBeforeCrash = 2 }, _folder.Path);
        Assert.Equal(5, ManifestFolder.Names(_folder.Path).Count);

        var rerun = await CoalesceAsync(new LocalObjectStore(), _folder.Path);

        Assert.True(rerun.Succeeded, string.Join("; ", rerun.Failures));
        Assert.Equal((1, 4), (rerun.BatchesCompleted, rerun.FilesDeleted));
        Assert.Equal(before, ManifestFolder.Lines(_folder.Path));
    }

    [Fact]
    public async Task Crash_before_deleting_originals_with_a_byte_order_mark_is_completed_by_a_rerun_without_duplicating_lines()
    {
        // The merged file holds each original less its mark: the rerun must still know them as its leftovers.
        foreach (var path in WriteImportFiles(4))
        {
            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(path)]);
        }
        var before = ManifestFolder.Lines(_folder.Path);

        await CoalesceAsync(new FaultyObjectStore { DeletesBeforeCrash = 1 }, _folder.Path);
        var rerun = await CoalesceAsync(new LocalObjectStore(), _folder.Path);

        Assert.True(rerun.Succeeded, string.Join("; ", rerun.Failures));
        Assert.Equal((1, 0, 3), (rerun.BatchesCompleted, rerun.FilesWritten, rerun.FilesDeleted));
        Assert.Equal(before, ManifestFolder.Lines(_folder.Path));
        Assert.Single(ManifestFolder.Names(_folder.Path));
    }

    [Fact]
    public async Task Rerun_after_an_unverified_truncated_merge_replaces_it_and_keeps_every_line()
    {
        WriteImportFiles(4, linesEach: 50);
        var before = ManifestFolder.Lines(_folder.Path);
        var merged = _folder.Combine("import", "main", "db.core.claimant_0_0-49_300-349_coalesced_4.txt");
        // An incomplete merged file that was never verified (e.g. left by a store that lost its tail), members intact.
        File.WriteAllLines(merged, File.ReadLines(ManifestFolder.Files(_folder.Combine("import", "main"))[0]).Take(10));
        File.SetLastWriteTimeUtc(merged, DateTime.UtcNow.AddMinutes(1));

        var report = await CoalesceAsync(new LocalObjectStore(), _folder.Path);

        Assert.True(report.Succeeded, string.Join("; ", report.Failures));
        Assert.Equal(before, ManifestFolder.Lines(_folder.Path));
        Assert.Equal(["import/main/db.core.claimant_0_0-49_300-349_coalesced_4.txt"], ManifestFolder.Names(_folder.Path));
    }

    [Fact]
    public async Task Merged_file_whose_range_holds_more_originals_than_it_was_made_from_is_left_alone()
    {
        var originals = WriteImportFiles(3);
        var merged = _folder.Combine("import", "main", "db.core.claimant_0_0-2_200-202_coalesced_2.txt");
        File.WriteAllText(merged, "x|1|db|coll|STREAMED|K2HB|x|KAFKA_RECORD\n");
        File.SetLastWriteTimeUtc(merged, DateTime.UtcNow.AddMinutes(1));
        var before = ManifestFolder.Names(_folder.Path);

        var report = await CoalesceAsync(new LocalObjectStore(), _folder.Path);

        var failure = Assert.Single(report.Failures);
        Assert.Equal(merged, failure.Target);
        Assert.Equal(originals, failure.Files);
        Assert.Equal(before, ManifestFolder.Names(_folder.Path));
    }

    [Fact]
    public async Task Rerun_after_completion_changes_nothing()
    {
        WriteImportFiles(5);
        await CoalesceAsync(new LocalObjectStore(), _folder.Path, maxFiles: 2);
        var names = ManifestFolder.Names(_folder.Path);
        var stamps = ManifestFolder.Files(_folder.Path, "*", SearchOption.AllDirectories).Select(File.GetLastWriteTimeUtc).ToList();

        var rerun = await CoalesceAsync(new LocalObjectStore(), _folder.Path, maxFiles: 2);

        Assert.True(rerun.Succeeded);
        Assert.Equal((0, 0, 0, 0), (rerun.FilesRead, rerun.FilesWritten, rerun.FilesDeleted, rerun.BatchesCompleted));
        Assert.Equal(names, ManifestFolder.Names(_folder.Path));
        Assert.Equal(stamps, ManifestFolder.Files(_folder.Path, "*", SearchOption.AllDirectories).Select(File.GetLastWriteTimeUtc));
    }

    [Fact]
    public async Task Side_selection_leaves_the_other_sides_files_alone()
    {
        WriteImportFiles(3);
        ManifestFolder.WriteHtme(_folder.Combine("export"), "db.x", 1, 2);
        ManifestFolder.WriteHtme(_folder.Combine("export"), "db.x", 2, 2);

        var report = await CoalesceAsync(new LocalObjectStore(), _folder.Path, sides: ManifestSide.Export);

        Assert.Equal(1, report.FilesWritten);
        Assert.Equal(3, ManifestFolder.Files(_folder.Combine("import", "main")).Length);
    }

    [Fact]
    public async Task Many_small_files_in_many_groups_merge_concurrently_without_losing_a_line()
    {
        for (var partition = 0; partition < 6; partition++)
        {
            for (var file = 0; file < 40; file++)
            {
                ManifestFolder.WriteK2hb(_folder.Combine("import"), "db.core.t", partition, file * 10, 1 + file % 4, finalNewline: file % 7 != 0);
            }
        }
        var before = ManifestFolder.Lines(_folder.Path);
        var request = new CoalesceRequest(_folder.Path, [ManifestSide.Import], new CoalesceLimits(7, 1_000_000))
        {
            MaxConcurrentBatches = 3,
            Prefetch = new PrefetchLimits(MaxReads: 4, MaxBytes: 200, LargestBufferedFile: 100),
        };

        var report = await new ManifestCoalescer(new LocalObjectStore(), TimeProvider.System).CoalesceAsync(request, CancellationToken.None);

        Assert.True(report.Succeeded, string.Join("; ", report.Failures));
        Assert.Equal(before, ManifestFolder.Lines(_folder.Path));
        Assert.Equal(before.Count, report.LinesWritten);
        Assert.Equal(6 * 6, report.FilesWritten);
    }
}
