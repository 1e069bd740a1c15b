using System.Globalization;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Notifications;

/// <summary>Formatting of values for Slack messages: escaping, numbers, windows and durations.</summary>
internal static class SlackText
{
    /// <summary>Slack mrkdwn treats only these three characters as control characters.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    public static string Truncate(string text, int maxLength) =>
        text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength - 1), "…");

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Window(ResolvedWindow? window)
    {
        if (window is null)
        {
            return "not resolved";
        }
        var text = $"{Timestamp(window.Start)} → {Timestamp(window.End)} UTC";
        return window.MarginMinutes > 0 ? $"{text} (+{window.MarginMinutes} min margin)" : text;
    }

    public static string Duration(TimeSpan? duration)
    {
        if (duration is not { } d)
        {
            return "unknown";
        }
        if (d.TotalHours >= 1)
        {
            return $"{(int)d.TotalHours}h {d.Minutes}m {d.Seconds}s";
        }
        return d.TotalMinutes >= 1 ? $"{d.Minutes}m {d.Seconds}s" : $"{Math.Max(0, d.TotalSeconds):0.#}s";
    }

    private static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
