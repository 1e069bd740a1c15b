namespace KafkaRecon.Entities.Validation;

/// <summary>
/// <c>spec.notifications.slack</c>: a failure always has a webhook (a success-only webhook would leave failures
/// unannounced, the one message someone must see). Empty Secret names and keys are the declared rules' job.
/// </summary>
internal static class SlackRules
{
    private const string Path = "spec.notifications.slack";

    public static void Check(NotificationsSpec notifications, List<SpecError> errors)
    {
        if (notifications.Slack is not { } slack)
        {
            return;
        }
        if (slack.SuccessWebhookSecretRef is not null && slack.FailureWebhookSecretRef is null && slack.WebhookSecretRef is null)
        {
            errors.Add(new($"{Path}.failureWebhookSecretRef",
                "is required when successWebhookSecretRef is set without webhookSecretRef: failed runs would not be announced"));
        }
    }
}
