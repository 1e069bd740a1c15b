namespace KafkaRecon.Operator.Generation;

/// <summary>Where a sample lives under the <c>--out</c> folder.</summary>
internal sealed record SampleLayout(string Root)
{
    public string ImportRoot => Path.Combine(Root, "import");
    public string ExportRoot => Path.Combine(Root, "export");
    /// <summary>K2HB's manifest directory of the main fleet.</summary>
    public string ImportFolder => Path.Combine(ImportRoot, "main");
    /// <summary>HTME's incremental export manifests.</summary>
    public string ExportFolder => Path.Combine(ExportRoot, "incremental");
    public string OutputRoot => Path.Combine(Root, "output");
    public string TruthFile => Path.Combine(Root, "truth.json");
    public string ResourceFile => Path.Combine(Root, "reconciliation.yaml");

    /// <summary>
    /// Makes the manifest folders empty and ready. Refuses (returning why) to write over an earlier sample unless
    /// <paramref name="replace"/>, since old and new files would mix and the truth would no longer hold.
    /// </summary>
    public string? Prepare(bool replace)
    {
        foreach (var folder in new[] { ImportRoot, ExportRoot, OutputRoot })
        {
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                if (!replace)
                {
                    return $"--out '{Root}' already holds '{folder}'; choose an empty folder or pass --force to replace " +
                        "the earlier sample's import, export and output folders.";
                }
                Directory.Delete(folder, recursive: true);
            }
        }
        Directory.CreateDirectory(ImportFolder);
        Directory.CreateDirectory(ExportFolder);
        return null;
    }
}
