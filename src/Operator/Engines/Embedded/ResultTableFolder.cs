using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// The run's result tables on local disk, published crash-safely: tables are written into a hidden staging folder
/// next to the final one, a <c>_SUCCESS</c> marker is written last, and the staging folder is renamed into place in
/// one step. So the final folder exists only when complete, and anything else found is an interrupted attempt.
/// </summary>
internal sealed class ResultTableFolder(RunLayout layout)
{
    public const string SuccessMarker = "_SUCCESS";
    private const string StagingPrefix = ".tables-";

    /// <summary>The folder holding one subfolder per table (the parent of <see cref="RunLayout.Table"/>).</summary>
    public string Final => Path.GetDirectoryName(layout.Table(RunLayout.CountsTable))!;

    public bool IsComplete => File.Exists(Marker);

    /// <summary>The fingerprint the published tables were computed under; empty for tables published without one.</summary>
    public string Fingerprint => File.Exists(Marker) ? File.ReadAllText(Marker).Trim() : "";

    private string Marker => Path.Combine(Final, SuccessMarker);

    /// <summary>Removes what interrupted attempts left behind and returns a fresh, empty staging folder.</summary>
    public string BeginStaging()
    {
        var parent = Directory.GetParent(Final)!.FullName;
        Directory.CreateDirectory(parent);
        foreach (var stale in Directory.EnumerateDirectories(parent, StagingPrefix + "*"))
        {
            Directory.Delete(stale, recursive: true);
        }
        if (Directory.Exists(Final))
        {
            Directory.Delete(Final, recursive: true);
        }
        var staging = Path.Combine(parent, StagingPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        return staging;
    }

    public static string TableFile(string staging, string table)
    {
        var folder = Path.Combine(staging, table);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, "part-0.parquet");
    }

    /// <summary>Publishes the staged tables; the marker holds the fingerprint they were computed under.</summary>
    public void Publish(string staging, string fingerprint)
    {
        File.WriteAllText(Path.Combine(staging, SuccessMarker), fingerprint);
        Directory.Move(staging, Final);
    }

    /// <summary>The Parquet files of one published table.</summary>
    public IReadOnlyList<string> Files(string table) =>
        Directory.EnumerateFiles(layout.Table(table), "*.parquet").Order(StringComparer.Ordinal).ToList();
}
