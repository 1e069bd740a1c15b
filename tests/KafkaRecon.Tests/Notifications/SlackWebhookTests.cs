using KafkaRecon.Entities;
using KafkaRecon.Operator.Notifications;

namespace KafkaRecon.Tests.Notifications;

public sealed class SlackWebhookTests
{
    private static readonly SecretKeyRef Shared = new() { Name = "slack", Key = "shared" };
    private static readonly SecretKeyRef Ok = new() { Name = "slack", Key = "ok" };
    private static readonly SecretKeyRef Alerts = new() { Name = "slack", Key = "alerts" };

    [Theory]
    // shared, success, failure refs set? -> expected key for success / failure ("-" none, "null" a legacy route without a ref)
    [InlineData(false, false, false, "legacy:null", "legacy:null")]
    [InlineData(true, false, false, "legacy:shared", "legacy:shared")]
    [InlineData(false, true, true, "own:ok", "own:alerts")]
    [InlineData(true, true, false, "own:ok", "legacy:shared")]
    [InlineData(true, false, true, "legacy:shared", "own:alerts")]
    [InlineData(false, false, true, "-", "own:alerts")]
    [InlineData(true, true, true, "own:ok", "own:alerts")]
    public void Each_outcome_uses_its_own_webhook_else_the_shared_one(
        bool shared, bool success, bool failure, string expectedSuccess, string expectedFailure)
    {
        var slack = new SlackSpec
        {
            WebhookSecretRef = shared ? Shared : null,
            SuccessWebhookSecretRef = success ? Ok : null,
            FailureWebhookSecretRef = failure ? Alerts : null,
        };

        Assert.Equal(expectedSuccess, Describe(SlackWebhook.For(slack, NotificationOutcome.Succeeded)));
        Assert.Equal(expectedFailure, Describe(SlackWebhook.For(slack, NotificationOutcome.Failed)));
    }

    private static string Describe(SlackWebhook? webhook) => webhook is null
        ? "-"
        : $"{(webhook.OwnWebhook ? "own" : "legacy")}:{webhook.Reference?.Key ?? "null"}";
}
