using KafkaRecon.Operator.Coalescing;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Coalescing;

namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// Issue 12, case 7: after coalescing, a line named only the merged file; the original's name was gone. The merged
/// file's member list is now kept next to it, and a byte of the merged file traces back to its original and line.
/// </summary>
public sealed class CoalesceMemberIndexTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Location => _folder.Combine("import");

    [Fact]
    public async Task Every_line_of_a_merged_file_traces_back_to_its_original_file_and_line()
    {
        var originals = new[]
        {
            ManifestFolder.WriteK2hb(Location, "t", 0, 0, 3),
            ManifestFolder.WriteK2hb(Location, "t", 0, 10, 2, finalNewline: false),
            ManifestFolder.WriteK2hb(Location, "t", 0, 20, 4),
        };
        var expected = originals.SelectMany(file =>
            ManifestLines.Of(file).Select((line, i) => (Line: line, Original: Path.GetFileName(file), Number: i + 1L))).ToList();
        var store = new LocalObjectStore();

        var report = await new ManifestCoalescer(store, TimeProvider.System).CoalesceAsync(
            new CoalesceRequest(Location, [ManifestSide.Import], new CoalesceLimits(1000, 1_000_000)), CancellationToken.None);

        Assert.True(report.Succeeded, string.Join("; ", report.Failures));
        var merged = Path.Combine(Location, Assert.Single(ManifestFolder.Names(Location)));
        var bytes = File.ReadAllBytes(merged);
        var locator = new MemberLocator(store);
        long offset = 0;
        var mergedLine = 1L;
        var index = await locator.ReadIndexAsync(merged, CancellationToken.None);
        foreach (var (line, original, number) in expected)
        {
            // Start, middle and last byte of the line, as a reader reporting a malformed field would give them.
            foreach (var at in new[] { offset, offset + line.Length / 2, offset + line.Length - 1 })
            {
                Assert.Equal(new OriginalPosition(original, number), await locator.LocateAsync(merged, at, CancellationToken.None));
            }
            Assert.Equal(new OriginalPosition(original, number), index!.LineAt(mergedLine++));
            offset += line.Length + 1;
        }
        Assert.Equal(bytes.Length, offset);
    }

    [Fact]
    public async Task The_member_list_is_written_before_any_original_is_deleted()
    {
        ManifestFolder.WriteK2hb(Location, "t", 0, 0, 2);
        ManifestFolder.WriteK2hb(Location, "t", 0, 10, 2);
        var indexAtFirstDelete = new List<bool>();
        var store = new FaultyObjectStore { OnDelete = () => indexAtFirstDelete.Add(Directory.GetFiles(Location, ".*.members").Length == 1) };

        await new ManifestCoalescer(store, TimeProvider.System).CoalesceAsync(
            new CoalesceRequest(Location, [ManifestSide.Import], new CoalesceLimits(1000, 1_000_000)), CancellationToken.None);

        Assert.NotEmpty(indexAtFirstDelete);
        Assert.True(indexAtFirstDelete[0]);
    }

    [Fact]
    public void Index_survives_a_round_trip_and_added_newlines_belong_to_no_original()
    {
        var index = new MemberIndex(
        [
            new MergedMember("a_0_0-a_0_1.txt", 0, 10, 1, 2),
            new MergedMember("weird\tname with spaces.txt", 11, 5, 3, 1, Skipped: 3),
        ]);

        var parsed = MemberIndex.Parse(index.Serialize(), "index");

        Assert.Equal(index.Members, parsed.Members);
        Assert.Null(parsed.MemberAt(10));
        Assert.Equal("weird\tname with spaces.txt", parsed.MemberAt(15)!.Name);
        Assert.Null(parsed.MemberAt(16));
        Assert.Equal(new OriginalPosition("weird\tname with spaces.txt", 1), parsed.LineAt(3));
        Assert.Null(parsed.LineAt(4));
    }

    [Fact]
    public void An_index_of_the_first_version_without_skipped_bytes_is_still_read()
    {
        var parsed = MemberIndex.Parse(
            "# kafka-recon merged file members v1: offset, length, first line, lines, original name\n" +
            "0\t10\t1\t2\ta_0_0-a_0_1.txt\n11\t5\t3\t1\tb\tc.txt\n", "index");

        Assert.Equal([new MergedMember("a_0_0-a_0_1.txt", 0, 10, 1, 2), new MergedMember("b\tc.txt", 11, 5, 3, 1)],
            parsed.Members);
    }

    [Fact]
    public void Index_files_are_hidden_and_named_after_their_merged_file()
    {
        var location = MemberIndex.LocationFor("s3://bucket/import/t_0_0-0_10-11_coalesced_2.txt");

        Assert.Equal("s3://bucket/import/.t_0_0-0_10-11_coalesced_2.txt.members", location);
        Assert.True(MemberIndex.IsIndexName(ObjectPath.Split(location).Name));
    }
}
