using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Notifications;

/// <summary>
/// For <c>kafka-recon run</c> (no cluster): the webhook URL from a file, if one is given, else from the environment
/// variable <see cref="EnvironmentVariable"/>.
/// </summary>
internal sealed class LocalWebhookUrlSource(string? filePath, Func<string, string?> environment) : IWebhookUrlSource
{
    public const string EnvironmentVariable = "KAFKA_RECON_SLACK_WEBHOOK";

    public static LocalWebhookUrlSource FromProcess(string? filePath) => new(filePath, Environment.GetEnvironmentVariable);

    public async Task<Uri> ResolveAsync(string @namespace, SlackSpec slack, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(filePath))
        {
            string text;
            try
            {
                text = await File.ReadAllTextAsync(filePath, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new WebhookUrlUnavailableException(
                    $"cannot read the Slack webhook file '{filePath}': {e.Message}", e);
            }
            return WebhookUrl.Parse(text, $"the Slack webhook file '{filePath}'");
        }
        var value = environment(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new WebhookUrlUnavailableException(
                $"spec.notifications.slack is set but no webhook URL was given; set {EnvironmentVariable} " +
                "or pass a file holding the URL.");
        }
        return WebhookUrl.Parse(value, $"environment variable {EnvironmentVariable}");
    }
}
