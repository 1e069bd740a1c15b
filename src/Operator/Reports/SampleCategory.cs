using KafkaRecon.Operator.Sql;

namespace KafkaRecon.Operator.Reports;

/// <summary>A kind of discrepancy whose records can be listed: what <c>kafka-recon results --missing</c> names.</summary>
internal enum SampleCategory
{
    MissingExports,
    MissingImports,
    MismatchedTimestamps,
}

internal static class SampleCategories
{
    public static readonly IReadOnlyList<SampleCategory> All =
        [SampleCategory.MissingExports, SampleCategory.MissingImports, SampleCategory.MismatchedTimestamps];

    /// <summary>The summary query listing the category's records, smallest ids first.</summary>
    public static string Query(SampleCategory category) => category switch
    {
        SampleCategory.MissingExports => ReportSql.SummaryMissingExportSamples,
        SampleCategory.MissingImports => ReportSql.SummaryMissingImportSamples,
        SampleCategory.MismatchedTimestamps => ReportSql.SummaryMismatchedTimestampSamples,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown sample category."),
    };

    /// <summary>The word the CLI takes (<c>--missing exports</c>).</summary>
    public static string CliName(SampleCategory category) => category switch
    {
        SampleCategory.MissingExports => "exports",
        SampleCategory.MissingImports => "imports",
        _ => "timestamps",
    };

    public static SampleCategory FromCliName(string name) =>
        All.First(category => CliName(category) == name);
}
