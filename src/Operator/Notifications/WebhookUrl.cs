namespace KafkaRecon.Operator.Notifications;

/// <summary>Validates a webhook URL read from a secret place, without ever echoing it (it is a credential).</summary>
internal static class WebhookUrl
{
    public static Uri Parse(string? raw, string origin)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new WebhookUrlUnavailableException($"{origin} is empty; expected the Slack incoming-webhook URL.");
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new WebhookUrlUnavailableException(
                $"{origin} does not hold an absolute http(s) URL ({text.Length} characters); " +
                "expected an incoming-webhook URL such as https://hooks.slack.com/services/….");
        }
        return uri;
    }
}
