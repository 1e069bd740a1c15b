namespace KafkaRecon.Operator.Notifications;

/// <summary>Where a Slack incoming-webhook URL (a secret) comes from: a Kubernetes Secret, or env/file for <c>run</c>.</summary>
internal interface IWebhookUrlSource
{
    /// <summary>The URL of <paramref name="webhook"/> (see <see cref="SlackWebhook.For"/>).</summary>
    /// <exception cref="WebhookUrlUnavailableException">The URL cannot be found; the message says where to put it.</exception>
    Task<Uri> ResolveAsync(string @namespace, SlackWebhook webhook, CancellationToken cancellationToken);
}
