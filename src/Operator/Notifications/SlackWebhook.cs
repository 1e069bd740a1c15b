using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Notifications;

/// <summary>
/// Which webhook announces one outcome: the outcome's own (<c>successWebhookSecretRef</c> /
/// <c>failureWebhookSecretRef</c>, a Slack app's webhook that posts to its one channel, so no channel is sent) or the
/// shared legacy one (<c>webhookSecretRef</c>, told the channel). Pure.
/// </summary>
/// <param name="Reference">The Secret key in the cluster; null when the spec names none (the CLI reads env or a file).</param>
/// <param name="Field">The spec field the reference comes from, for messages.</param>
/// <param name="OwnWebhook">True for an outcome's own webhook: the message carries no <c>channel</c>.</param>
internal sealed record SlackWebhook(NotificationOutcome Outcome, SecretKeyRef? Reference, string Field, bool OwnWebhook)
{
    public const string Prefix = "spec.notifications.slack.";

    /// <summary>The webhook for <paramref name="outcome"/>; null when the spec announces no such outcome.</summary>
    public static SlackWebhook? For(SlackSpec slack, NotificationOutcome outcome)
    {
        var own = outcome == NotificationOutcome.Succeeded ? slack.SuccessWebhookSecretRef : slack.FailureWebhookSecretRef;
        if (own is not null)
        {
            var field = outcome == NotificationOutcome.Succeeded ? "successWebhookSecretRef" : "failureWebhookSecretRef";
            return new SlackWebhook(outcome, own, Prefix + field, OwnWebhook: true);
        }
        var failuresOnly = outcome == NotificationOutcome.Succeeded
                           && slack.WebhookSecretRef is null && slack.FailureWebhookSecretRef is not null;
        return failuresOnly ? null : new SlackWebhook(outcome, slack.WebhookSecretRef, Prefix + "webhookSecretRef", OwnWebhook: false);
    }
}
