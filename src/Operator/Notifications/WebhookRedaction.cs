using System.Text.RegularExpressions;

namespace KafkaRecon.Operator.Notifications;

/// <summary>
/// Keeps the webhook credential out of every text that is stored or logged: any URL is cut to its scheme and host,
/// and whatever remains of the webhook's own path (a receiver may echo a part of it, decoded or not) is masked.
/// </summary>
internal static partial class WebhookRedaction
{
    private const string Mask = "[redacted]";

    /// <summary>Path segments shorter than this are words such as "services", not secrets worth a mask.</summary>
    private const int SecretSegmentLength = 6;

    public static string Redact(string text, Uri webhook)
    {
        var redacted = AnyUrl().Replace(text, match => HostOnly(match.Value));
        foreach (var secret in SecretParts(webhook))
        {
            redacted = redacted.Replace(secret, Mask, StringComparison.OrdinalIgnoreCase);
        }
        return redacted;
    }

    /// <summary>The URL as <c>scheme://host[:port]</c>, which is all a person needs to see where a request went.</summary>
    public static string HostOnly(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host)
            ? $"{uri.Scheme}://{uri.Authority}"
            : Mask;

    private static IEnumerable<string> SecretParts(Uri webhook)
    {
        var parts = new[] { webhook.PathAndQuery, Uri.UnescapeDataString(webhook.PathAndQuery) }
            .Concat(webhook.AbsolutePath.Split('/').Select(Uri.UnescapeDataString))
            .Concat(webhook.Query.TrimStart('?').Split('&', '='));
        return parts.Where(p => p.Length >= SecretSegmentLength).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(p => p.Length);
    }

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9+.\-]*://[^\s""'<>()]+")]
    private static partial Regex AnyUrl();
}
