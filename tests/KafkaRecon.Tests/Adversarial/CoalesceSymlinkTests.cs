using KafkaRecon.Operator.Inputs;
using KafkaRecon.Operator.Coalescing;
using KafkaRecon.Operator.Engines.Embedded;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Coalescing;

namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// Issue 12, case 5: symbolic links inside a location are never followed. A link to a folder outside made coalesce
/// merge and delete files there; two <c>ln -s .</c> links made the listing endless.
/// </summary>
public sealed class CoalesceSymlinkTests : IDisposable
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(30);
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Location => Directory.CreateDirectory(_folder.Combine("location")).FullName;

    private static Task<CoalesceReport> CoalesceAsync(string location) =>
        new ManifestCoalescer(new LocalObjectStore(), TimeProvider.System).CoalesceAsync(
            new CoalesceRequest(location, [ManifestSide.Import, ManifestSide.Export], new CoalesceLimits(1000, 1_000_000)),
            CancellationToken.None);

    [Fact]
    public async Task Link_to_a_folder_outside_leaves_its_files_untouched_and_is_counted()
    {
        var outside = _folder.Combine("outside");
        var originals = Enumerable.Range(0, 3).Select(i => ManifestFolder.WriteK2hb(outside, "t", 0, i * 10, 2)).ToList();
        Directory.CreateSymbolicLink(Path.Combine(Location, "elsewhere"), outside);

        var report = await CoalesceAsync(Location).WaitAsync(Bounded);

        Assert.True(report.Succeeded, string.Join("; ", report.Failures));
        Assert.All(originals, original => Assert.True(File.Exists(original), original));
        Assert.Equal(3, Directory.GetFiles(outside).Length);
        Assert.Equal((0, 0, 1), (report.FilesRead, report.FilesDeleted, report.SymbolicLinksSkipped));
    }

    [Fact]
    public async Task Links_to_files_outside_are_neither_merged_nor_deleted()
    {
        var outside = _folder.Combine("outside");
        var first = ManifestFolder.WriteK2hb(outside, "t", 0, 0, 2);
        var second = ManifestFolder.WriteK2hb(outside, "t", 0, 10, 2);
        File.CreateSymbolicLink(Path.Combine(Location, Path.GetFileName(first)), first);
        File.CreateSymbolicLink(Path.Combine(Location, Path.GetFileName(second)), second);

        var report = await CoalesceAsync(Location).WaitAsync(Bounded);

        Assert.True(File.Exists(first) && File.Exists(second));
        Assert.DoesNotContain(Directory.GetFiles(Location), f => new FileInfo(f).LinkTarget is null);
        Assert.Equal((0, 2), (report.FilesDeleted, report.SymbolicLinksSkipped));
    }

    [Fact]
    public async Task Two_links_to_the_location_itself_end_the_listing_at_once()
    {
        ManifestFolder.WriteK2hb(Location, "t", 0, 0, 2);
        ManifestFolder.WriteK2hb(Location, "t", 0, 10, 2);
        Directory.CreateSymbolicLink(Path.Combine(Location, "a"), ".");
        Directory.CreateSymbolicLink(Path.Combine(Location, "b"), ".");

        // Run off the test's thread: before the fix the listing never returned and only a timeout ends the test.
        var report = await Task.Run(() => CoalesceAsync(Location)).WaitAsync(Bounded);

        Assert.True(report.Succeeded, string.Join("; ", report.Failures));
        Assert.Equal((2, 2, 1, 2), (report.FilesRead, report.FilesDeleted, report.FilesWritten, report.SymbolicLinksSkipped));
    }

    [Fact]
    public async Task Embedded_engine_reads_no_manifest_behind_a_link()
    {
        var outside = _folder.Combine("outside");
        ManifestFolder.WriteK2hb(outside, "t", 0, 0, 2);
        var inside = ManifestFolder.WriteK2hb(Location, "t", 0, 10, 2);
        Directory.CreateSymbolicLink(Path.Combine(Location, "elsewhere"), outside);
        Directory.CreateSymbolicLink(Path.Combine(Location, "loop"), ".");
        var rule = new InputRule(Location, "spec.manifests.importLocation", null, [Location]);

        var listed = await Task.Run(() => new InputListing(new LocalObjectStore())
            .ListAsync(rule, CancellationToken.None)).WaitAsync(Bounded);

        Assert.Equal([inside], listed.Locations);
        Assert.Equal(2, listed.Totals.SkippedLinks);
    }
}
