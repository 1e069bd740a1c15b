using KafkaRecon.Operator.Engines;

namespace KafkaRecon.Bench;

/// <summary>Every manifest file below a local folder, as a run reads it when nothing is pruned (hidden names skipped).</summary>
internal static class BenchManifestFiles
{
    public static IReadOnlyList<string> Below(string location)
    {
        var root = Path.GetFullPath(location);
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(file => !HiddenManifestNames.IsHidden(root, file))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
