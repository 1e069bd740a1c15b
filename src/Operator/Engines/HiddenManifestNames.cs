namespace KafkaRecon.Operator.Engines;

/// <summary>
/// Which files below a manifest location are not manifests: Spark's own rule (its file index never reads them, and
/// the Glue script cannot turn that off), applied by the embedded engine too so both read the same files. A file is
/// hidden when its name, or a folder's name between the location and it, starts with <c>.</c>, or with <c>_</c>
/// and holds no <c>=</c> (<c>_x=1</c> is a partition folder to Spark), or ends with <c>._COPYING_</c>.
/// </summary>
internal static class HiddenManifestNames
{
    /// <summary>Only names below <paramref name="location"/> count: a location inside a hidden folder is still read.</summary>
    public static bool IsHidden(string location, string file)
    {
        var relative = file.StartsWith(location, StringComparison.Ordinal) ? file[location.Length..] : Path.GetFileName(file);
        return relative.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries).Any(IsHiddenName);
    }

    public static bool IsHiddenName(string name) =>
        name.StartsWith('.')
        || (name.StartsWith('_') && !name.Contains('=', StringComparison.Ordinal))
        || name.EndsWith("._COPYING_", StringComparison.Ordinal);
}
