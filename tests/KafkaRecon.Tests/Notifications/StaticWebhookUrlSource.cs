using KafkaRecon.Entities;
using KafkaRecon.Operator.Notifications;

namespace KafkaRecon.Tests.Notifications;

/// <summary>Hands out a fixed URL and remembers what it was asked for.</summary>
internal sealed class StaticWebhookUrlSource(Uri url) : IWebhookUrlSource
{
    public List<(string Namespace, SlackSpec Slack)> Asked { get; } = [];

    public Task<Uri> ResolveAsync(string @namespace, SlackSpec slack, CancellationToken cancellationToken)
    {
        Asked.Add((@namespace, slack));
        return Task.FromResult(url);
    }
}
