using System.Globalization;
using System.Text.RegularExpressions;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// HTME export manifests, <c>&lt;topic&gt;-&lt;start:%03d&gt;-&lt;stop:%03d&gt;-&lt;batch:%06d&gt;.csv</c>. All files of a
/// folder form one group, ordered by (topic, start, stop, batch): an export folder holds a few files for each of many
/// topics, so grouping by topic would leave most of them unmerged. Merged:
/// <c>&lt;first member stem&gt;_&lt;last member stem&gt;_coalesced_&lt;members&gt;.csv</c>, which the original pattern
/// (needing <c>-&lt;batch&gt;.csv</c> at the end) never matches.
/// </summary>
internal sealed partial class HtmeManifestNaming : IManifestNaming
{
    private const string FolderGroup = "";

    public ManifestSide Side => ManifestSide.Export;

    public ManifestKey? ParseOriginal(string fileName)
    {
        var match = OriginalPattern().Match(fileName);
        if (!match.Success)
        {
            return null;
        }
        var order = OrderOf(match, "");
        return order is null ? null : new ManifestKey(FolderGroup, order.Value, null);
    }

    public MergedKey? ParseMerged(string fileName)
    {
        var match = MergedPattern().Match(fileName);
        if (!match.Success)
        {
            return null;
        }
        var first = OrderOf(match, "1");
        var last = OrderOf(match, "2");
        if (first is null || last is null
            || !int.TryParse(match.Groups["members"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var members))
        {
            return null;
        }
        return new MergedKey(FolderGroup, first.Value, last.Value, members, null);
    }

    public string MergedName(ManifestKey first, ManifestKey last, int memberCount) =>
        string.Create(CultureInfo.InvariantCulture, $"{Stem(first.Order)}_{Stem(last.Order)}_coalesced_{memberCount}.csv");

    public bool Covers(MergedKey merged, ManifestKey original) =>
        merged.Group == original.Group && original.Order >= merged.First && original.Order <= merged.Last;

    private static string Stem(ManifestOrder order) =>
        string.Create(CultureInfo.InvariantCulture, $"{order.Topic}-{order.First:000}-{order.Second:000}-{order.Third:000000}");

    private static ManifestOrder? OrderOf(Match match, string suffix)
    {
        var topic = match.Groups["topic" + suffix].Value;
        if (!long.TryParse(match.Groups["start" + suffix].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !long.TryParse(match.Groups["stop" + suffix].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var stop)
            || !long.TryParse(match.Groups["batch" + suffix].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var batch))
        {
            return null;
        }
        return new ManifestOrder(topic, start, stop, batch);
    }

    [GeneratedRegex(@"^(?<topic>.+)-(?<start>\d+)-(?<stop>\d+)-(?<batch>\d+)\.csv$", RegexOptions.CultureInvariant)]
    private static partial Regex OriginalPattern();

    [GeneratedRegex(@"^(?<topic1>.+)-(?<start1>\d+)-(?<stop1>\d+)-(?<batch1>\d+)_(?<topic2>.+)-(?<start2>\d+)-(?<stop2>\d+)-(?<batch2>\d+)_coalesced_(?<members>\d+)\.csv$", RegexOptions.CultureInvariant)]
    private static partial Regex MergedPattern();
}
