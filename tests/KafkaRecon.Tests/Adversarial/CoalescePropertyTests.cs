using CsCheck;
using KafkaRecon.Operator.Coalescing;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Coalescing;

namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// Issue 12, property: for random manifest sets, a kill at a random step of the coalesce and lines appended at random
/// steps, the lines of the originals and merged files are the lines written (none lost; doubled only from a member appended
/// to after its merge was verified, which is kept), and a
/// re-run completes the coalesce.
/// </summary>
public sealed class CoalescePropertyTests
{
    /// <param name="Files">Per original: twice its line count, plus one when it lacks a final newline.</param>
    public sealed record Scenario(int[] Files, int MaxFiles, int KillAt, int[] AppendSteps)
    {
        public override string ToString() =>
            $"files [{string.Join(",", Files)}], maxFiles {MaxFiles}, kill at step {KillAt}, appends at [{string.Join(",", AppendSteps)}]";
    }

    private static readonly Gen<Scenario> Scenarios =
        from files in Gen.Int[0, 9].Array[2, 9]
        from maxFiles in Gen.Int[2, 4]
        from killAt in Gen.Int[0, 45]
        from appends in Gen.Int[0, 45].Array[0, 4]
        select new Scenario(files, maxFiles, killAt, appends);

    [Fact]
    public async Task Kill_and_appends_at_any_step_lose_and_double_no_line_and_a_rerun_completes()
    {
        await Scenarios.SampleAsync(CheckAsync, iter: 100, threads: 1);
    }

    private static async Task CheckAsync(Scenario scenario)
    {
        using var folder = new TemporaryFolder();
        var location = folder.Combine("import");
        var paths = scenario.Files.Select((file, i) =>
            ManifestFolder.WriteK2hb(location, "db.t", 0, i * 10L, file / 2, finalNewline: file % 2 == 0)).ToList();
        var expected = ManifestLines.All(location);
        var appended = new List<string>();
        var appends = scenario.AppendSteps.Select((step, i) => (Step: step, Append: (Action)(() =>
        {
            ManifestLines.Append(paths[(step + i) % paths.Count], $"appended-{i}");
            appended.Add($"appended-{i}");
        }))).ToLookup(a => a.Step, a => a.Append);
        // A member appended to after its batch's merged file was verified (between that check and its deletion, in
        // this run or before a rerun) is kept beside the merged file: the lines it held when merged are then in both.
        // That is the one case that doubles lines, and never loses any: only such members' lines may be doubled.
        var appendedFiles = scenario.AppendSteps.Select((step, i) => (step + i) % paths.Count).ToHashSet();
        var chaos = new ChaosObjectStore(scenario.KillAt, appends);

        try
        {
            await CoalesceAsync(chaos, location, scenario.MaxFiles);
        }
        catch (IOException)
        {
            // The kill reached the listing: the run died before it merged anything.
        }
        var rerun = await CoalesceAsync(new LocalObjectStore(), location, scenario.MaxFiles);
        var again = await CoalesceAsync(new LocalObjectStore(), location, scenario.MaxFiles);

        var written = expected.Concat(appended).Order(StringComparer.Ordinal).ToList();
        var after = ManifestLines.All(location);
        Assert.Empty(Missing(written, after));
        Assert.All(Missing(after, written), doubled =>
        {
            if (!doubled.StartsWith("appended-", StringComparison.Ordinal))
            {
                Assert.Contains(FileOf(doubled), appendedFiles);
            }
        });
        // A writer that appends to a member after its batch was merged and deleted writes the file anew; merged
        // again with its neighbours it would take the earlier merged file's name, which is never overwritten: kept.
        Assert.All(rerun.Failures, failure => Assert.Contains("already exists", failure.Message));
        Assert.Equal((0, 0), (again.FilesWritten, again.FilesDeleted));
        Assert.Equal(rerun.Failures.Count, again.Failures.Count);
    }

    /// <summary>Lines of <paramref name="written"/> not found in <paramref name="after"/>, counting repeats.</summary>
    private static List<string> Missing(List<string> written, List<string> after)
    {
        var left = after.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        return [.. written.Where(line => !(left.TryGetValue(line, out var count) && count > 0 && (left[line] = count - 1) >= 0))];
    }

    /// <summary>The index of the file a generated line was written to: file i holds ids i*10 … i*10+9.</summary>
    private static int FileOf(string line) =>
        (int)(long.Parse(line[..line.IndexOf('|')].Split('-')[^1], System.Globalization.CultureInfo.InvariantCulture) / 10);

    private static Task<CoalesceReport> CoalesceAsync(IObjectStore store, string location, int maxFiles) =>
        new ManifestCoalescer(store, TimeProvider.System).CoalesceAsync(
            new CoalesceRequest(location, [ManifestSide.Import], new CoalesceLimits(maxFiles, 1_000_000))
            {
                MaxConcurrentBatches = 1,
            },
            CancellationToken.None);
}
