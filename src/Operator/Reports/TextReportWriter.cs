using System.Globalization;
using System.Text;

namespace KafkaRecon.Operator.Reports;

/// <summary>
/// The text report (<c>&lt;run&gt;_results.txt</c>) as the reference writes it once its terminal colours are
/// stripped: "QUERY RESULTS:", a blank line, then per query "Name: …", "Description: …", "Results:", one line per row
/// (<c>\t-- v1, v2</c>, or <c>\t-- col1: v1, col2: v2</c> when show_column_names is true) and a blank line.
/// A partial report then has a "FAILED QUERIES:" section naming each failed query and its error. A run with rejected
/// lines ends with "REJECTED LINES:": the total, the count per side and reason, and the samples.
/// </summary>
internal static class TextReportWriter
{
    public static byte[] Write(Report report)
    {
        var text = new StringBuilder("QUERY RESULTS:\n\n");
        foreach (var outcome in report.Succeeded)
        {
            text.Append("Name: ").Append(outcome.Query.Name).Append('\n');
            text.Append("Description: ").Append(outcome.Query.Description).Append('\n');
            text.Append("Results:\n");
            foreach (var row in outcome.Rows)
            {
                text.Append("\t-- ").Append(FormatRow(outcome, row)).Append('\n');
            }
            text.Append('\n');
        }
        if (report.Partial)
        {
            text.Append("FAILED QUERIES:\n\n");
            foreach (var failure in report.Failures)
            {
                text.Append("\t-- ").Append(failure.Query.Name).Append(": ").Append(failure.Error).Append('\n');
            }
        }
        if (report.RejectedTotal > 0)
        {
            AppendRejectedLines(text, report);
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void AppendRejectedLines(StringBuilder text, Report report)
    {
        text.Append(report.Partial ? "\n" : "").Append("REJECTED LINES: ").Append(report.RejectedTotal).Append("\n\n");
        foreach (var count in report.RejectedLines)
        {
            text.Append("\t-- ").Append(count.Side).Append(", ").Append(count.Reason).Append(": ").Append(count.Lines).Append('\n');
        }
        text.Append("Samples:\n");
        foreach (var sample in report.RejectedSamples)
        {
            text.Append("\t-- ").Append(sample.Side).Append(", ").Append(sample.Reason).Append(", ")
                .Append(sample.File).Append(sample.Line is { } line ? " line " + line.ToString(CultureInfo.InvariantCulture) : "").Append(": ")
                .Append(sample.Sample).Append('\n');
        }
    }

    private static string FormatRow(QueryOutcome outcome, IReadOnlyList<string> row)
    {
        var cells = row.Select((value, column) => outcome.Query.ShowColumnNames && column < outcome.Columns.Count
            ? $"{outcome.Columns[column]}: {value}"
            : value);
        return string.Join(", ", cells);
    }
}
