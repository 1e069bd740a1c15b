using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Notifications;

/// <summary>Where the Slack incoming-webhook URL (a secret) comes from: a Kubernetes Secret, or env/file for <c>run</c>.</summary>
internal interface IWebhookUrlSource
{
    /// <exception cref="WebhookUrlUnavailableException">The URL cannot be found; the message says where to put it.</exception>
    Task<Uri> ResolveAsync(string @namespace, SlackSpec slack, CancellationToken cancellationToken);
}
