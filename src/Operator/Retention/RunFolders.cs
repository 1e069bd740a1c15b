using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Retention;

/// <summary>Groups a listing of <c>&lt;output&gt;/runs</c> into run folders (the first path segment below it).</summary>
internal static class RunFolders
{
    public static IReadOnlyList<RunFolder> Group(string runsLocation, IEnumerable<StoredObject> listed)
    {
        var prefix = RunLayout.Join(runsLocation, "x")[..^1];
        return listed
            .Where(o => o.Location.StartsWith(prefix, StringComparison.Ordinal))
            .Select(o => (RunId: o.Location[prefix.Length..].Split('/', Path.DirectorySeparatorChar)[0], Object: o))
            .Where(e => e.RunId.Length > 0 && e.Object.Location.Length > prefix.Length + e.RunId.Length)
            .GroupBy(e => e.RunId, StringComparer.Ordinal)
            .Select(g => new RunFolder(g.Key, g.Select(e => e.Object).ToList(), g.Max(e => e.Object.LastModified)))
            .OrderBy(r => r.RunId, StringComparer.Ordinal)
            .ToList();
    }
}
