using KafkaRecon.Operator.Notifications;

namespace KafkaRecon.Tests.Notifications;

/// <summary>Hands out a fixed URL and remembers what it was asked for.</summary>
internal sealed class StaticWebhookUrlSource(Uri url) : IWebhookUrlSource
{
    public List<(string Namespace, SlackWebhook Webhook)> Asked { get; } = [];

    public Task<Uri> ResolveAsync(string @namespace, SlackWebhook webhook, CancellationToken cancellationToken)
    {
        Asked.Add((@namespace, webhook));
        return Task.FromResult(url);
    }
}
