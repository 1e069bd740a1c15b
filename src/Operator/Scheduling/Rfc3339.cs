using System.Globalization;

namespace KafkaRecon.Operator.Scheduling;

/// <summary>UTC timestamps as the Kubernetes API writes them (<c>2026-11-25T00:00:00Z</c>).</summary>
internal static class Rfc3339
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        // RFC 3339 demands an explicit offset; a bare local time would silently depend on the machine's zone.
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') ||
                        (text.Length > 6 && (text[^6] == '+' || text[^6] == '-') && text[^3] == ':');
        value = default;
        return hasOffset && text.Contains('T', StringComparison.OrdinalIgnoreCase) &&
               DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
