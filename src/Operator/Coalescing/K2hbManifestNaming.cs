using System.Globalization;
using System.Text.RegularExpressions;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// K2HB import manifests, <c>&lt;firstTopic&gt;_&lt;partition&gt;_&lt;firstOffset&gt;-&lt;lastTopic&gt;_&lt;partition&gt;_&lt;lastOffset&gt;.txt</c>,
/// grouped by (first topic, first partition) and ordered by (first offset, last offset). A poll can span topics, so the
/// last offset may belong to another topic; the merged name therefore keeps both offsets of its first and last member:
/// <c>&lt;topic&gt;_&lt;partition&gt;_&lt;first&gt;-&lt;last&gt;_&lt;first&gt;-&lt;last&gt;_coalesced_&lt;members&gt;.txt</c>. The
/// original pattern needs two offsets before <c>.txt</c>, so a merged name never matches it.
/// </summary>
internal sealed partial class K2hbManifestNaming : IManifestNaming
{
    public ManifestSide Side => ManifestSide.Import;

    public ManifestKey? ParseOriginal(string fileName)
    {
        var match = OriginalPattern().Match(fileName);
        if (!match.Success
            || ParseInt(match.Groups["partition"].ValueSpan) is not { } partition
            || ParseInt(match.Groups["endPartition"].ValueSpan) is not { } endPartition
            || ParseLong(match.Groups["start"].ValueSpan) is not { } start
            || ParseLong(match.Groups["end"].ValueSpan) is not { } end)
        {
            return null;
        }
        var topic = match.Groups["topic"].Value;
        // A file spanning partitions belongs to no single partition: a per-partition coalesce leaves it alone.
        return new ManifestKey(GroupOf(topic, partition), new ManifestOrder(topic, start, end, 0),
            partition == endPartition ? partition : null);
    }

    public MergedKey? ParseMerged(string fileName)
    {
        var match = MergedPattern().Match(fileName);
        if (!match.Success
            || ParseInt(match.Groups["partition"].ValueSpan) is not { } partition
            || ParseLong(match.Groups["start1"].ValueSpan) is not { } start1
            || ParseLong(match.Groups["end1"].ValueSpan) is not { } end1
            || ParseLong(match.Groups["start2"].ValueSpan) is not { } start2
            || ParseLong(match.Groups["end2"].ValueSpan) is not { } end2
            || ParseInt(match.Groups["members"].ValueSpan) is not { } members)
        {
            return null;
        }
        var topic = match.Groups["topic"].Value;
        return new MergedKey(GroupOf(topic, partition), new ManifestOrder(topic, start1, end1, 0),
            new ManifestOrder(topic, start2, end2, 0), members, partition);
    }

    public string MergedName(ManifestKey first, ManifestKey last, int memberCount) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{first.Order.Topic}_{PartitionOf(first)}_{first.Order.First}-{first.Order.Second}_" +
            $"{last.Order.First}-{last.Order.Second}_coalesced_{memberCount}.txt");

    public bool Covers(MergedKey merged, ManifestKey original) =>
        merged.Group == original.Group && original.Order >= merged.First && original.Order <= merged.Last;

    private static string PartitionOf(ManifestKey key) => key.Group[(key.Group.IndexOf('\u0000') + 1)..];

    private static string GroupOf(string topic, int partition) =>
        string.Create(CultureInfo.InvariantCulture, $"{topic}\u0000{partition}");

    private static int? ParseInt(ReadOnlySpan<char> digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static long? ParseLong(ReadOnlySpan<char> digits) =>
        long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    [GeneratedRegex(@"^(?<topic>.+?)_(?<partition>\d+)_(?<start>\d+)-(?<endTopic>.+)_(?<endPartition>\d+)_(?<end>\d+)\.txt$", RegexOptions.CultureInvariant)]
    private static partial Regex OriginalPattern();

    [GeneratedRegex(@"^(?<topic>.+)_(?<partition>\d+)_(?<start1>\d+)-(?<end1>\d+)_(?<start2>\d+)-(?<end2>\d+)_coalesced_(?<members>\d+)\.txt$", RegexOptions.CultureInvariant)]
    private static partial Regex MergedPattern();
}
