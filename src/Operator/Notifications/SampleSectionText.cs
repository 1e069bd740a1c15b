using System.Globalization;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Reports;

namespace KafkaRecon.Operator.Notifications;

/// <summary>
/// The records a person can look up right away: up to <see cref="MaxShown"/> samples of each discrepancy of a failed
/// run, and the <c>kafka-recon results</c> command that lists all of them. Pure.
/// </summary>
internal static class SampleSectionText
{
    public const int MaxShown = 5;

    /// <summary>One section text per category that has samples, in the order exports, imports, timestamps.</summary>
    public static IReadOnlyList<string> Sections(OutcomeNotification notification)
    {
        if (notification.Totals is not { Samples: { } samples } totals)
        {
            return [];
        }
        var sections = new List<string>();
        foreach (var category in SampleCategories.All)
        {
            var (records, total, label) = category switch
            {
                SampleCategory.MissingExports => (samples.MissingExports, totals.MissingExports, "Missing exports"),
                SampleCategory.MissingImports => (samples.MissingImports, totals.MissingImports, "Missing imports"),
                _ => (samples.MismatchedTimestamps, totals.MismatchedTimestamps, "Mismatched timestamps"),
            };
            if (records.Count == 0)
            {
                continue;
            }
            var shown = records.Take(MaxShown).ToList();
            var lines = shown.Select(record => "• " + Line(record));
            sections.Add(
                $"*{label}: first {shown.Count} of {SlackText.Number(Math.Max(total, records.Count))}*\n" +
                string.Join('\n', lines) + "\n" + Command(notification, category));
        }
        return sections;
    }

    /// <summary>The command that lists every record of <paramref name="category"/>.</summary>
    public static string Command(OutcomeNotification notification, SampleCategory category) =>
        $"All of them: `kafka-recon results {SlackText.Escape(notification.RunId ?? notification.Name)} " +
        $"--missing {SampleCategories.CliName(category)} --location {SlackText.Escape(notification.OutputLocation ?? "OUTPUT")}`";

    private static string Line(RecordSample record)
    {
        var where = SlackText.Escape(SlackText.Truncate($"{record.Database}.{record.Collection}", 80));
        var id = SlackText.Escape(SlackText.Truncate(record.Id, 80)).Replace("`", "'", StringComparison.Ordinal);
        var times = (record.ImportTimestamp, record.ExportTimestamp) switch
        {
            ({ } import, { } export) => $"import {Time(import)}, export {Time(export)}",
            ({ } import, null) => $"import {Time(import)}",
            (null, { } export) => $"export {Time(export)}",
            _ => "",
        };
        return $"`{where}` `{id}` {times}".TrimEnd();
    }

    private static string Time(long epochMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMilliseconds).UtcDateTime
            .ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
