using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Notifications;

/// <summary>
/// For <c>kafka-recon run</c> (no cluster): the outcome's own webhook URL (file, else <see cref="SuccessVariable"/> or
/// <see cref="FailureVariable"/>) when there is one, else the shared one (file, else <see cref="EnvironmentVariable"/>).
/// </summary>
internal sealed class LocalWebhookUrlSource(
    string? filePath, Func<string, string?> environment, string? successFilePath = null, string? failureFilePath = null)
    : IWebhookUrlSource
{
    public const string EnvironmentVariable = "KAFKA_RECON_SLACK_WEBHOOK";
    public const string SuccessVariable = "KAFKA_RECON_SLACK_SUCCESS_WEBHOOK";
    public const string FailureVariable = "KAFKA_RECON_SLACK_FAILURE_WEBHOOK";

    public static LocalWebhookUrlSource FromProcess(
        string? filePath, string? successFilePath = null, string? failureFilePath = null) =>
        new(filePath, Environment.GetEnvironmentVariable, successFilePath, failureFilePath);

    public async Task<Uri> ResolveAsync(string @namespace, SlackWebhook webhook, CancellationToken cancellationToken)
    {
        var succeeded = webhook.Outcome == NotificationOutcome.Succeeded;
        var ownFile = succeeded ? successFilePath : failureFilePath;
        var ownVariable = succeeded ? SuccessVariable : FailureVariable;
        if (!string.IsNullOrEmpty(ownFile))
        {
            return await ReadFileAsync(ownFile, cancellationToken);
        }
        if (environment(ownVariable) is { } own && !string.IsNullOrWhiteSpace(own))
        {
            return WebhookUrl.Parse(own, $"environment variable {ownVariable}");
        }
        if (!string.IsNullOrEmpty(filePath))
        {
            return await ReadFileAsync(filePath, cancellationToken);
        }
        var value = environment(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new WebhookUrlUnavailableException(
                $"spec.notifications.slack is set but no webhook URL was given; set {ownVariable} or " +
                $"{EnvironmentVariable}, or pass a file holding the URL.");
        }
        return WebhookUrl.Parse(value, $"environment variable {EnvironmentVariable}");
    }

    private static async Task<Uri> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WebhookUrlUnavailableException($"cannot read the Slack webhook file '{path}': {e.Message}", e);
        }
        return WebhookUrl.Parse(text, $"the Slack webhook file '{path}'");
    }
}
