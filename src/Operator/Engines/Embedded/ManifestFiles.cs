namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// A side's manifests as DuckDB reads them: local paths (the files themselves, S3 objects staged below the scratch
/// folder, or cleaned copies) and, for those that are copies, the location to show instead (the <c>file</c> column
/// of the raw relation names the manifest the user wrote, never a working copy). A rename is a path prefix.
/// </summary>
internal sealed record ManifestFiles(string Side, IReadOnlyList<string> Paths, IReadOnlyList<(string Local, string Shown)> Renames)
{
    public static ManifestFiles Local(string side, IReadOnlyList<string> paths) => new(side, paths, []);

    /// <summary>The location a local path stands for.</summary>
    public string Shown(string path)
    {
        foreach (var (local, shown) in Renames)
        {
            if (path.StartsWith(local, StringComparison.Ordinal))
            {
                return shown + path[local.Length..];
            }
        }
        return path;
    }

    /// <summary>The same files with <paramref name="replaced"/> paths read from their cleaned copies instead.</summary>
    public ManifestFiles WithCopies(IReadOnlyDictionary<string, string> replaced) => this with
    {
        Paths = Paths.Select(p => replaced.GetValueOrDefault(p, p)).ToList(),
        Renames = [.. replaced.Select(pair => (pair.Value, Shown(pair.Key))), .. Renames],
    };
}
