namespace KafkaRecon.Operator.Storage;

/// <summary>
/// Where a run keeps its data under the output location (a folder or s3://bucket/prefix). Each run has its own
/// folder so one run never overwrites another's tables; reports carry the run id in their names.
/// </summary>
internal sealed record RunLayout(string OutputLocation, string RunId)
{
    public const string MissingImportsTable = "missing_imports";
    public const string MissingExportsTable = "missing_exports";
    public const string MismatchedTimestampsTable = "mismatched_timestamps";
    public const string CountsTable = "counts";
    public const string RejectedLinesTable = "rejected_lines";

    public static readonly IReadOnlyList<string> Tables =
        [MissingImportsTable, MissingExportsTable, MismatchedTimestampsTable, CountsTable, RejectedLinesTable];

    public string RunFolder => Join(OutputLocation, "runs", RunId);

    /// <summary>Folder of one result table (Parquet files).</summary>
    public string Table(string table) => Join(RunFolder, "tables", table);

    /// <summary>Coalesced manifests of this run are never written here; scratch space for engines.</summary>
    public string Scratch => Join(RunFolder, "scratch");

    /// <summary>The run's input list of one side (<c>import</c> or <c>export</c>): one file location a line.</summary>
    public string InputList(string side) => Join(RunFolder, "inputs", $"{side}.list");

    public string ResultsFolder => Join(OutputLocation, "results");
    public string JsonReport => Join(ResultsFolder, $"{RunId}_results.json");
    public string TextReport => Join(ResultsFolder, $"{RunId}_results.txt");
    public string Summary => Join(ResultsFolder, $"{RunId}_summary.json");

    public static string Join(string location, params string[] parts)
    {
        var separator = location.StartsWith("s3://", StringComparison.Ordinal) ? '/' : Path.DirectorySeparatorChar;
        var result = location.TrimEnd('/', Path.DirectorySeparatorChar);
        foreach (var part in parts)
        {
            result += separator + part.Trim('/');
        }
        return result;
    }
}
