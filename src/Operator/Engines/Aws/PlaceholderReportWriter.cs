using System.Globalization;
using System.Text;
using System.Text.Json;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>
/// PLACEHOLDER for the lead to replace at merge with the report writers of <c>src/Operator/Reports/</c>. Writes
/// every query's rows as JSON and text, and a summary whose counts come from the
/// <see cref="PlaceholderReportQueryCatalog.CollectionCounts"/> query.
/// </summary>
internal sealed class PlaceholderReportWriter(IObjectStore store) : IReportWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task<ReportSummary> WriteAsync(
        PhaseContext context, IReadOnlyList<ReportQueryOutcome> outcomes, CancellationToken cancellationToken)
    {
        var layout = context.Layout;
        var failed = outcomes.Where(o => o.Failed).Select(o => o.Query.Name).ToList();
        var report = new
        {
            runId = context.RunId,
            partial = failed.Count > 0,
            query_results = outcomes.Select(o => new
            {
                query_details = new { query_name = o.Query.Name, order = o.Query.Order },
                error = o.Error,
                columns = o.Columns,
                rows = o.Rows,
            }),
        };
        await WriteAsync(layout.JsonReport, JsonSerializer.SerializeToUtf8Bytes(report, Indented), cancellationToken);
        await WriteAsync(layout.TextReport, Encoding.UTF8.GetBytes(Text(outcomes)), cancellationToken);
        var collections = CountsOf(outcomes);
        var summary = new ReportSummary
        {
            RunId = context.RunId,
            WindowStart = context.Window.Start,
            WindowEnd = context.Window.End,
            MarginMinutes = context.Window.MarginMinutes,
            Totals = new ReportTotals
            {
                Imported = collections.Sum(c => c.Imported),
                Exported = collections.Sum(c => c.Exported),
                MissingExports = collections.Sum(c => c.MissingExports),
                MissingImports = collections.Sum(c => c.MissingImports),
                MismatchedEarlierInImport = collections.Sum(c => c.MismatchedEarlierInImport),
                MismatchedEarlierInExport = collections.Sum(c => c.MismatchedEarlierInExport),
                MismatchedTimestamps = collections.Sum(c => c.MismatchedTimestamps),
            },
            Collections = collections,
            Partial = failed.Count > 0,
            FailedQueries = failed,
            ReportLocation = layout.JsonReport,
        };
        await WriteAsync(layout.Summary, JsonSerializer.SerializeToUtf8Bytes(summary, Indented), cancellationToken);
        return summary;
    }

    private Task WriteAsync(string location, byte[] content, CancellationToken cancellationToken) =>
        store.WriteAsync(location, new MemoryStream(content), cancellationToken);

    private static string Text(IReadOnlyList<ReportQueryOutcome> outcomes)
    {
        var text = new StringBuilder();
        foreach (var outcome in outcomes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"== {outcome.Query.Order}. {outcome.Query.Name}");
            if (outcome.Error is not null)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"FAILED: {outcome.Error}");
                continue;
            }
            text.AppendLine(string.Join('\t', outcome.Columns));
            foreach (var row in outcome.Rows)
            {
                text.AppendLine(string.Join('\t', row.Select(v => v ?? "")));
            }
        }
        return text.ToString();
    }

    private static List<CollectionCounts> CountsOf(IReadOnlyList<ReportQueryOutcome> outcomes)
    {
        var counts = outcomes.FirstOrDefault(o => o.Query.Name == PlaceholderReportQueryCatalog.CollectionCounts && !o.Failed);
        if (counts is null)
        {
            return [];
        }
        long Value(IReadOnlyList<string?> row, string column)
        {
            var index = counts.Columns.ToList().IndexOf(column);
            return index >= 0 && long.TryParse(row[index], CultureInfo.InvariantCulture, out var value) ? value : 0;
        }
        return counts.Rows.Select(row => new CollectionCounts
        {
            Database = row[0] ?? "",
            Collection = row[1] ?? "",
            Imported = Value(row, "imported_count"),
            Exported = Value(row, "exported_count"),
            MissingExports = Value(row, "missing_exported_count"),
            MissingImports = Value(row, "missing_imported_count"),
            MismatchedEarlierInImport = Value(row, "mismatched_timestamps_earlier_in_import_count"),
            MismatchedEarlierInExport = Value(row, "mismatched_timestamps_earlier_in_export_count"),
        }).ToList();
    }
}
