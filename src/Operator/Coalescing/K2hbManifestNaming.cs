using System.Globalization;
using System.Text.RegularExpressions;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// K2HB import manifests, <c>&lt;topic&gt;_&lt;partition&gt;_&lt;startOffset&gt;-&lt;topic&gt;_&lt;partition&gt;_&lt;endOffset&gt;.txt</c>,
/// grouped by (start topic, partition). Merged:
/// <c>&lt;topic&gt;_&lt;partition&gt;_&lt;firstStart&gt;_&lt;lastEnd&gt;_coalesced_&lt;members&gt;.txt</c>; the word
/// <c>coalesced</c> before the final number means the original pattern (which needs two offsets there) never matches.
/// </summary>
internal sealed partial class K2hbManifestNaming : IManifestNaming
{
    public ManifestSide Side => ManifestSide.Import;

    public ManifestKey? ParseOriginal(string fileName)
    {
        var match = OriginalPattern().Match(fileName);
        if (!match.Success)
        {
            return null;
        }
        var topic = match.Groups["topic"].Value;
        var partition = ParseInt(match.Groups["partition"].Value);
        var endPartition = ParseInt(match.Groups["endPartition"].Value);
        if (partition is null || endPartition is null || partition != endPartition)
        {
            return null;
        }
        var start = ParseLong(match.Groups["start"].Value);
        var end = ParseLong(match.Groups["end"].Value);
        if (start is null || end is null)
        {
            return null;
        }
        return new ManifestKey(GroupOf(topic, partition.Value), new ManifestOrder(topic, start.Value, end.Value, 0), partition);
    }

    public MergedKey? ParseMerged(string fileName)
    {
        var match = MergedPattern().Match(fileName);
        if (!match.Success)
        {
            return null;
        }
        var topic = match.Groups["topic"].Value;
        var partition = ParseInt(match.Groups["partition"].Value);
        var start = ParseLong(match.Groups["start"].Value);
        var end = ParseLong(match.Groups["end"].Value);
        var members = ParseInt(match.Groups["members"].Value);
        if (partition is null || start is null || end is null || members is null)
        {
            return null;
        }
        return new MergedKey(
            GroupOf(topic, partition.Value),
            new ManifestOrder(topic, start.Value, start.Value, 0),
            new ManifestOrder(topic, end.Value, end.Value, 0),
            members.Value,
            partition);
    }

    public string MergedName(ManifestKey first, ManifestKey last, int memberCount) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{first.Order.Topic}_{first.Partition}_{first.Order.First}_{last.Order.Second}_coalesced_{memberCount}.txt");

    public bool Covers(MergedKey merged, ManifestKey original) =>
        merged.Group == original.Group
        && original.Order.First >= merged.First.First
        && original.Order.Second <= merged.Last.Second;

    private static string GroupOf(string topic, int partition) =>
        string.Create(CultureInfo.InvariantCulture, $"{topic}\u0000{partition}");

    private static int? ParseInt(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static long? ParseLong(string digits) =>
        long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    [GeneratedRegex(@"^(?<topic>.+?)_(?<partition>\d+)_(?<start>\d+)-(?<endTopic>.+)_(?<endPartition>\d+)_(?<end>\d+)\.txt$", RegexOptions.CultureInvariant)]
    private static partial Regex OriginalPattern();

    [GeneratedRegex(@"^(?<topic>.+)_(?<partition>\d+)_(?<start>\d+)_(?<end>\d+)_coalesced_(?<members>\d+)\.txt$", RegexOptions.CultureInvariant)]
    private static partial Regex MergedPattern();
}
