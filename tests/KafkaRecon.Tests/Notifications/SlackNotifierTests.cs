using System.Net;
using System.Net.Sockets;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Notifications;
using KafkaRecon.Tests.Metrics;

namespace KafkaRecon.Tests.Notifications;

public sealed class SlackNotifierTests
{
    private static readonly SlackDeliveryOptions Options = new()
    {
        MaxAttempts = 3, InitialBackoff = TimeSpan.FromSeconds(2), MaxBackoff = TimeSpan.FromSeconds(30),
        MaxRetryAfter = TimeSpan.FromSeconds(20), RequestTimeout = TimeSpan.FromSeconds(10),
    };

    private readonly RecordingTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero));

    private static OutcomeNotification Notification(ReconciliationPhase phase, SlackSpec? slack)
    {
        var resource = SampleRuns.Finished(phase, phase == ReconciliationPhase.Succeeded ? 0 : 1234);
        resource.Spec.Notifications.Slack = slack;
        return OutcomeNotificationFactory.Create(resource);
    }

    private SlackNotifier Notifier(HttpClient http, Uri url) => new(http, new StaticWebhookUrlSource(url), Options, _time);

    [Fact]
    public async Task Posts_block_kit_json_to_the_webhook_and_reports_sent()
    {
        await using var slack = await SlackReceiver.StartAsync();
        using var http = new HttpClient();

        var result = await Notifier(http, slack.WebhookUrl).NotifyAsync(Notification(ReconciliationPhase.Failed, new SlackSpec()), CancellationToken.None);

        Assert.Equal(NotificationResult.Sent(1), result);
        var (path, contentType, body) = Assert.Single(slack.Requests);
        Assert.Equal(SlackReceiver.SecretPath, path);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        Assert.Equal("#dataworks-aws-critical-alerts", (string?)body["channel"]);
        Assert.Equal("header", (string?)body["blocks"]![0]!["type"]);
        Assert.Contains("missing exports 1,234", (string?)body["text"], StringComparison.Ordinal);
        Assert.Equal("recon/daily-2026-11-25/0f3c2a5e-uid/attempt-1/failed", (string?)body["metadata"]!["event_payload"]!["notification_id"]);
    }

    [Fact]
    public async Task Success_is_routed_to_the_success_channel()
    {
        await using var slack = await SlackReceiver.StartAsync();
        using var http = new HttpClient();

        await Notifier(http, slack.WebhookUrl).NotifyAsync(
            Notification(ReconciliationPhase.Succeeded, new SlackSpec { SuccessChannel = "#recon-ok" }), CancellationToken.None);

        Assert.Equal("#recon-ok", (string?)Assert.Single(slack.Requests).Body["channel"]);
    }

    [Fact]
    public async Task Rate_limited_post_waits_for_retry_after_and_succeeds()
    {
        await using var slack = await SlackReceiver.StartAsync(new SlackAnswer(429, "rate_limited", RetryAfter: "7"));
        using var http = new HttpClient();

        var result = await Notifier(http, slack.WebhookUrl).NotifyAsync(Notification(ReconciliationPhase.Failed, new SlackSpec()), CancellationToken.None);

        Assert.Equal(NotificationResult.Sent(2), result);
        Assert.Equal(2, slack.Requests.Count);
        Assert.Contains(TimeSpan.FromSeconds(7), _time.Delays);
    }

    [Fact]
    public async Task A_long_retry_after_is_capped()
    {
        await using var slack = await SlackReceiver.StartAsync(new SlackAnswer(429, "rate_limited", RetryAfter: "3600"));
        using var http = new HttpClient();

        await Notifier(http, slack.WebhookUrl).NotifyAsync(Notification(ReconciliationPhase.Failed, new SlackSpec()), CancellationToken.None);

        Assert.Contains(TimeSpan.FromSeconds(20), _time.Delays);
        Assert.DoesNotContain(TimeSpan.FromSeconds(3600), _time.Delays);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff()
    {
        await using var slack = await SlackReceiver.StartAsync(new SlackAnswer(500, "oops"), new SlackAnswer(503, "busy"));
        using var http = new HttpClient();

        var result = await Notifier(http, slack.WebhookUrl).NotifyAsync(Notification(ReconciliationPhase.Failed, new SlackSpec()), CancellationToken.None);

        Assert.Equal(NotificationResult.Sent(3), result);
        Assert.Equal(3, slack.Requests.Count);
        Assert.Contains(TimeSpan.FromSeconds(2), _time.Delays);
        Assert.Contains(TimeSpan.FromSeconds(4), _time.Delays);
    }

    [Fact]
    public async Task Gives_up_after_the_bounded_attempts_and_returns_failed_without_throwing()
    {
        await using var slack = await SlackReceiver.StartAsync(
            new SlackAnswer(500, "a"), new SlackAnswer(500, "b"), new SlackAnswer(500, "c"), new SlackAnswer(500, "d"));
        using var http = new HttpClient();

        var result = await Notifier(http, slack.WebhookUrl).NotifyAsync(Notification(ReconciliationPhase.Failed, new SlackSpec()), CancellationToken.None);

        Assert.Equal(NotificationDelivery.Failed, result.Delivery);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, slack.Requests.Count);
        Assert.Equal("gave up after 3 attempts; last: Slack answered 500 InternalServerError: c", result.Reason);
    }

    [Fact]
    public async Task A_rejected_webhook_is_not_retried()
    {
        await using var slack = await SlackReceiver.StartAsync(new SlackAnswer(403, "invalid_token"));
        using var http = new HttpClient();

        var result = await Notifier(http, slack.WebhookUrl).NotifyAsync(Notification(ReconciliationPhase.Failed, new SlackSpec()), CancellationToken.None);

        Assert.Equal(NotificationResult.Failed("Slack answered 403 Forbidden: invalid_token", 1), result);
        Assert.Single(slack.Requests);
    }

    [Fact]
    public async Task An_unreachable_webhook_returns_failed_without_throwing()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpClient();

        var result = await Notifier(http, new Uri($"http://127.0.0.1:{port}/services/x")).NotifyAsync(
            Notification(ReconciliationPhase.Failed, new SlackSpec()), CancellationToken.None);

        Assert.Equal(NotificationDelivery.Failed, result.Delivery);
        Assert.StartsWith("gave up after 3 attempts; last: the webhook request did not complete", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("/services/x", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_sent_when_slack_is_not_configured()
    {
        await using var slack = await SlackReceiver.StartAsync();
        using var http = new HttpClient();

        var result = await Notifier(http, slack.WebhookUrl).NotifyAsync(Notification(ReconciliationPhase.Failed, null), CancellationToken.None);

        Assert.Equal(NotificationDelivery.Skipped, result.Delivery);
        Assert.Empty(slack.Requests);
    }

    [Fact]
    public async Task A_missing_webhook_url_returns_failed_with_the_setting_to_fix()
    {
        using var http = new HttpClient();
        var notifier = new SlackNotifier(http, new LocalWebhookUrlSource(null, _ => null), Options, _time);

        var result = await notifier.NotifyAsync(Notification(ReconciliationPhase.Failed, new SlackSpec()), CancellationToken.None);

        Assert.Equal(NotificationDelivery.Failed, result.Delivery);
        Assert.Contains(LocalWebhookUrlSource.EnvironmentVariable, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_webhook_url_is_looked_up_in_the_resources_namespace_with_its_slack_spec()
    {
        await using var slack = await SlackReceiver.StartAsync();
        using var http = new HttpClient();
        var source = new StaticWebhookUrlSource(slack.WebhookUrl);
        var spec = new SlackSpec { WebhookSecretRef = new SecretKeyRef { Name = "slack", Key = "url" } };

        await new SlackNotifier(http, source, Options, _time).NotifyAsync(Notification(ReconciliationPhase.Failed, spec), CancellationToken.None);

        Assert.Equal(("recon", new SlackWebhook(NotificationOutcome.Failed, spec.WebhookSecretRef,
            "spec.notifications.slack.webhookSecretRef", OwnWebhook: false)), Assert.Single(source.Asked));
    }

    [Fact]
    public async Task Each_outcome_goes_to_its_own_webhook_without_a_channel()
    {
        await using var ok = await SlackReceiver.StartAsync();
        await using var alerts = await SlackReceiver.StartAsync();
        using var http = new HttpClient();
        var slack = new SlackSpec
        {
            SuccessWebhookSecretRef = new SecretKeyRef { Name = "slack", Key = "ok" },
            FailureWebhookSecretRef = new SecretKeyRef { Name = "slack", Key = "alerts" },
        };
        var urls = new KeyedWebhookUrlSource(new Dictionary<string, Uri> { ["ok"] = ok.WebhookUrl, ["alerts"] = alerts.WebhookUrl });
        var notifier = new SlackNotifier(http, urls, Options, _time);

        var success = await notifier.NotifyAsync(Notification(ReconciliationPhase.Succeeded, slack), CancellationToken.None);
        var failure = await notifier.NotifyAsync(Notification(ReconciliationPhase.Failed, slack), CancellationToken.None);

        Assert.Equal(NotificationResult.Sent(1), success);
        Assert.Equal(NotificationResult.Sent(1), failure);
        var successBody = Assert.Single(ok.Requests).Body;
        var failureBody = Assert.Single(alerts.Requests).Body;
        Assert.Contains("successful", (string?)successBody["text"], StringComparison.Ordinal);
        Assert.Contains("missing records", (string?)failureBody["text"], StringComparison.Ordinal);
        Assert.False(successBody.ContainsKey("channel"));
        Assert.False(failureBody.ContainsKey("channel"));
    }

    [Fact]
    public async Task A_shared_legacy_webhook_takes_outcomes_without_their_own_and_names_the_channel()
    {
        await using var shared = await SlackReceiver.StartAsync();
        await using var alerts = await SlackReceiver.StartAsync();
        using var http = new HttpClient();
        var slack = new SlackSpec
        {
            WebhookSecretRef = new SecretKeyRef { Name = "slack", Key = "shared" },
            FailureWebhookSecretRef = new SecretKeyRef { Name = "slack", Key = "alerts" },
            SuccessChannel = "#recon-ok",
        };
        var urls = new KeyedWebhookUrlSource(new Dictionary<string, Uri> { ["shared"] = shared.WebhookUrl, ["alerts"] = alerts.WebhookUrl });
        var notifier = new SlackNotifier(http, urls, Options, _time);

        await notifier.NotifyAsync(Notification(ReconciliationPhase.Succeeded, slack), CancellationToken.None);
        await notifier.NotifyAsync(Notification(ReconciliationPhase.Failed, slack), CancellationToken.None);

        Assert.Equal("#recon-ok", (string?)Assert.Single(shared.Requests).Body["channel"]);
        Assert.False(Assert.Single(alerts.Requests).Body.ContainsKey("channel"));
    }

    [Fact]
    public async Task With_only_a_failure_webhook_successes_are_skipped_and_failures_sent()
    {
        await using var alerts = await SlackReceiver.StartAsync();
        using var http = new HttpClient();
        var slack = new SlackSpec { FailureWebhookSecretRef = new SecretKeyRef { Name = "slack", Key = "alerts" } };
        var notifier = new SlackNotifier(http, new KeyedWebhookUrlSource(new Dictionary<string, Uri> { ["alerts"] = alerts.WebhookUrl }), Options, _time);

        var success = await notifier.NotifyAsync(Notification(ReconciliationPhase.Succeeded, slack), CancellationToken.None);
        var failure = await notifier.NotifyAsync(Notification(ReconciliationPhase.Failed, slack), CancellationToken.None);

        Assert.Equal(NotificationDelivery.Skipped, success.Delivery);
        Assert.Contains("failureWebhookSecretRef", success.Reason, StringComparison.Ordinal);
        Assert.Equal(NotificationResult.Sent(1), failure);
        Assert.Single(alerts.Requests);
    }

    /// <summary>Hands out the URL stored under each reference's key, like Secrets holding one URL per key.</summary>
    private sealed class KeyedWebhookUrlSource(IReadOnlyDictionary<string, Uri> urls) : IWebhookUrlSource
    {
        public Task<Uri> ResolveAsync(string @namespace, SlackWebhook webhook, CancellationToken cancellationToken) =>
            Task.FromResult(urls[webhook.Reference!.Key]);
    }
}
