using KafkaRecon.Operator.Coalescing;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Coalescing;
using KafkaRecon.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// Issue 12, case 6: lines appended to an original between its read and its deletion were lost. Originals are now
/// deleted only while as listed, files younger than the minimum age are not merged, and temporaries of a killed
/// coalesce are removed by the next run.
/// </summary>
public sealed class CoalesceAppendTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Location => _folder.Combine("import");

    private static Task<CoalesceReport> CoalesceAsync(
        IObjectStore store, string location, TimeSpan minFileAge, TimeProvider? time = null) =>
        new ManifestCoalescer(store, time ?? TimeProvider.System).CoalesceAsync(
            new CoalesceRequest(location, [ManifestSide.Import], new CoalesceLimits(1000, 1_000_000)) { MinFileAge = minFileAge },
            CancellationToken.None);

    [Fact]
    public async Task A_line_appended_between_read_and_delete_is_kept_with_its_file()
    {
        var originals = Enumerable.Range(0, 4).Select(i => ManifestFolder.WriteK2hb(Location, "t", 0, i * 10, 3)).ToList();
        var before = ManifestLines.All(Location);
        // The writer appends as the coalescer reaches for its first delete, after every original was read.
        var store = new AppendBeforeDeleteStore(() => ManifestLines.Append(originals[2], "late line"));

        var report = await CoalesceAsync(store, Location, TimeSpan.Zero);

        Assert.Equal(before.Append("late line").Order(StringComparer.Ordinal), ManifestLines.All(Location));
        Assert.True(File.Exists(originals[2]));
        Assert.Equal((0, 1, 1), (report.FilesDeleted, report.BatchesDeferred, report.ChangedFilesKept));

        var rerun = await CoalesceAsync(new LocalObjectStore(), Location, TimeSpan.Zero);

        Assert.True(rerun.Succeeded, string.Join("; ", rerun.Failures));
        Assert.Equal(4, rerun.FilesDeleted);
        Assert.Equal(before.Append("late line").Order(StringComparer.Ordinal), ManifestLines.All(Location));
    }

    [Fact]
    public async Task Files_younger_than_the_minimum_age_are_not_merged_and_split_the_batch()
    {
        var now = DateTimeOffset.UtcNow;
        var files = Enumerable.Range(0, 4).Select(i => ManifestFolder.WriteK2hb(Location, "t", 0, i * 10, 2)).ToList();
        foreach (var (file, age) in files.Zip(new[] { 10, 10, 0, 10 }))
        {
            File.SetLastWriteTimeUtc(file, (now - TimeSpan.FromMinutes(age)).UtcDateTime);
        }
        var before = ManifestLines.All(Location);

        var report = await CoalesceAsync(new LocalObjectStore(), Location, TimeSpan.FromMinutes(2), new FakeTimeProvider(now));

        Assert.Equal((1, 1, 2), (report.YoungFilesSkipped, report.SingleFilesSkipped, report.FilesDeleted));
        Assert.True(File.Exists(files[2]) && File.Exists(files[3]));
        Assert.Equal(["t_0_0-1_10-11_coalesced_2.txt", "t_0_20-t_0_21.txt", "t_0_30-t_0_31.txt"],
            ManifestFolder.Names(Location));
        Assert.Equal(before, ManifestLines.All(Location));
    }

    [Fact]
    public async Task Temporary_files_a_killed_coalesce_left_are_removed_by_the_next_run()
    {
        ManifestFolder.WriteK2hb(Location, "t", 0, 0, 2);
        var stale = Path.Combine(Location, $".t_0_0-0_10-11_coalesced_2.txt.{Guid.NewGuid():N}.tmp");
        var fresh = Path.Combine(Location, $".t_0_20-20_30-30_coalesced_2.txt.{Guid.NewGuid():N}.tmp");
        var foreign = Path.Combine(Location, ".notes.tmp");
        foreach (var file in new[] { stale, fresh, foreign })
        {
            File.WriteAllText(file, "half a merged file");
        }
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddMinutes(-10));
        File.SetLastWriteTimeUtc(foreign, DateTime.UtcNow.AddMinutes(-10));

        var report = await CoalesceAsync(new LocalObjectStore(), Location, TimeSpan.Zero);

        Assert.Equal(1, report.TemporariesRemoved);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh), "a temporary touched within the last minute may belong to a write under way");
        Assert.True(File.Exists(foreign), "only the store's own temporaries are removed");
    }

    [Fact]
    public async Task Coalesce_command_accepts_a_minimum_age_and_rejects_one_beyond_a_day()
    {
        ManifestFolder.WriteK2hb(Location, "t", 0, 0, 2);
        ManifestFolder.WriteK2hb(Location, "t", 0, 10, 2);

        var young = await CliRun.RunAsync("coalesce", "--location", Location, "--side", "import");
        var tooOld = await CliRun.RunAsync("coalesce", "--location", Location, "--min-file-age", "25h");

        Assert.Equal(0, young.Exit);
        Assert.Contains("2 files younger than the minimum age", young.Output);
        Assert.Equal(2, ManifestFolder.Names(Location).Count);
        Assert.Equal(2, tooOld.Exit);
        Assert.Contains("--min-file-age '25h'", tooOld.Error);
    }

    /// <summary>A local store where a writer appends to a file just before the first delete of any kind.</summary>
    private sealed class AppendBeforeDeleteStore(Action append) : IObjectStore
    {
        private readonly LocalObjectStore _inner = new();
        private int _appended;

        public IAsyncEnumerable<StoredObject> ListAsync(string location, CancellationToken cancellationToken) =>
            _inner.ListAsync(location, cancellationToken);

        public IAsyncEnumerable<StoredObject> ListAsync(string location, ListingSkips skips, CancellationToken cancellationToken) =>
            _inner.ListAsync(location, skips, cancellationToken);

        public Task<Stream> OpenReadAsync(string location, CancellationToken cancellationToken) =>
            _inner.OpenReadAsync(location, cancellationToken);

        public Task<IReadOnlyList<ObjectContent>> ReadWholeAsync(
            IReadOnlyList<StoredObject> objects, int maxConcurrentReads, CancellationToken cancellationToken) =>
            _inner.ReadWholeAsync(objects, maxConcurrentReads, cancellationToken);

        public Task WriteAsync(string location, Stream content, CancellationToken cancellationToken) =>
            _inner.WriteAsync(location, content, cancellationToken);

        public Task<bool> ExistsAsync(string location, CancellationToken cancellationToken) =>
            _inner.ExistsAsync(location, cancellationToken);

        public Task<StoredObject?> StatAsync(string location, CancellationToken cancellationToken) =>
            _inner.StatAsync(location, cancellationToken);

        public Task<ConditionalDelete> DeleteUnchangedAsync(IReadOnlyList<StoredObject> listed, CancellationToken cancellationToken)
        {
            AppendOnce();
            return _inner.DeleteUnchangedAsync(listed, cancellationToken);
        }

        public Task DeleteAsync(IReadOnlyCollection<string> locations, CancellationToken cancellationToken)
        {
            AppendOnce();
            return _inner.DeleteAsync(locations, cancellationToken);
        }

        private void AppendOnce()
        {
            if (Interlocked.Exchange(ref _appended, 1) == 0)
            {
                append();
            }
        }
    }
}
