namespace KafkaRecon.Tests.Notifications;

/// <summary>A scripted answer of the fake Slack webhook.</summary>
internal sealed record SlackAnswer(int Status, string Body = "ok", string? RetryAfter = null);
