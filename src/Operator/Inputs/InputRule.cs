using System.Globalization;
using KafkaRecon.Entities;
using KafkaRecon.Entities.Validation;

namespace KafkaRecon.Operator.Inputs;

/// <summary>
/// Which files of one manifest location a run reads. A record stamped t is written to a manifest after t, so a file
/// last modified before the window's first relevant instant (its start, less the margin the comparison looks back
/// and a clock-skew slack) cannot hold a record of the window and is pruned. A merged file written by coalesce carries
/// its own write time, so it is always at least as new as the originals it holds.
/// </summary>
internal sealed record InputRule(string Location, string Field, DateTimeOffset? ModifiedSince, IReadOnlyList<string> Prefixes)
{
    public static InputRule For(
        string location, string field, ManifestsSpec manifests, ResolvedWindow window, DateTimeOffset now)
    {
        if (manifests.Pruning == InputPruning.None)
        {
            return new InputRule(location, field, null, [location]);
        }
        var cutoff = Cutoff(manifests, window);
        var prefixes = manifests.Layout == ManifestLayout.Daily ? DailyPrefixes(location, cutoff, now) : [location];
        return new InputRule(location, field, cutoff, prefixes);
    }

    /// <summary>The oldest modification time a file holding a record of the window can have.</summary>
    public static DateTimeOffset Cutoff(ManifestsSpec manifests, ResolvedWindow window) =>
        window.Start
        - TimeSpan.FromMinutes(window.MarginMinutes)
        - DurationParser.Parse(manifests.PruningSlack, "spec.manifests.pruningSlack");

    /// <summary>
    /// The date folders <c>YYYY/MM/DD</c> (by write date, UTC) from the cutoff's day to today's: late files of the
    /// window are written on later days.
    /// </summary>
    public static IReadOnlyList<string> DailyPrefixes(string location, DateTimeOffset cutoff, DateTimeOffset now)
    {
        var separator = location.StartsWith("s3://", StringComparison.Ordinal) ? "/" : Path.DirectorySeparatorChar.ToString();
        var root = location.TrimEnd('/', Path.DirectorySeparatorChar);
        var prefixes = new List<string>();
        for (var day = cutoff.UtcDateTime.Date; day <= now.UtcDateTime.Date; day = day.AddDays(1))
        {
            prefixes.Add(root + separator + day.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)
                .Replace("/", separator, StringComparison.Ordinal));
        }
        return prefixes;
    }

    public bool Keeps(DateTimeOffset lastModified) => ModifiedSince is not { } since || lastModified >= since;
}
