using KafkaRecon.Entities;
using Spectre.Console;

namespace KafkaRecon.Operator.Cli;

/// <summary>The closing table of <c>kafka-recon run</c>: outcome, totals, and the worst collections.</summary>
internal static class RunSummaryTable
{
    public static void Write(IAnsiConsole console, KafkaReconciliation resource)
    {
        var status = resource.Status ?? new KafkaReconciliationStatus();
        var results = status.Results;
        var table = new Table().Title($"{Markup.Escape(resource.Metadata.Name ?? "")}: {status.Phase}")
            .AddColumn("Total").AddColumn(new TableColumn("Value").RightAligned());
        table.AddRow("Window", Markup.Escape(status.Window is { } w ? $"{w.Start.UtcDateTime:yyyy-MM-dd HH:mm}Z → {w.End.UtcDateTime:yyyy-MM-dd HH:mm}Z (+{w.MarginMinutes} min)" : "-"));
        if (results is not null)
        {
            table.AddRow("Imported", $"{results.Imported:N0}");
            table.AddRow("Exported", $"{results.Exported:N0}");
            table.AddRow("Missing exports", $"{results.MissingExports:N0}");
            table.AddRow("Missing imports", $"{results.MissingImports:N0}");
            table.AddRow("Mismatched timestamps", $"{results.MismatchedTimestamps:N0}");
            table.AddRow("Missing collections", $"{results.MissingCollections:N0}");
            table.AddRow("Missing databases", $"{results.MissingDatabases:N0}");
            table.AddRow("Duplicate imports / exports", $"{results.DuplicateImports:N0} / {results.DuplicateExports:N0}");
            table.AddRow("Report", Markup.Escape(results.ReportLocation ?? "-"));
        }
        var ready = status.Conditions.FirstOrDefault(c => c.Type == ConditionTypes.Ready);
        if (ready is not null)
        {
            table.AddRow("Verdict", Markup.Escape(ready.Reason ?? ""));
        }
        console.Write(table);
        if (status.TopCollections.Count > 0)
        {
            var top = new Table().Title("Collections with discrepancies")
                .AddColumn("Database").AddColumn("Collection")
                .AddColumn(new TableColumn("Imported").RightAligned()).AddColumn(new TableColumn("Exported").RightAligned())
                .AddColumn(new TableColumn("Missing exports").RightAligned())
                .AddColumn(new TableColumn("Missing imports").RightAligned())
                .AddColumn(new TableColumn("Mismatched").RightAligned());
            foreach (var c in status.TopCollections)
            {
                top.AddRow(Markup.Escape(c.Database), Markup.Escape(c.Collection), $"{c.Imported:N0}", $"{c.Exported:N0}",
                    $"{c.MissingExports:N0}", $"{c.MissingImports:N0}", $"{c.MismatchedTimestamps:N0}");
            }
            console.Write(top);
        }
    }
}
