using System.Text.Json.Nodes;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Notifications;
using KafkaRecon.Tests.Metrics;
using KafkaRecon.Tests.Notifications;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// Issue 12, case 8: the webhook URL is a credential. A receiver that echoes the request path in its error body, or
/// an HTTP stack that names the URL in its exception, must not put the secret into the status, a condition or a log.
/// </summary>
public sealed class SlackWebhookEchoTests
{
    private const string SecretToken = "secret-token";
    private static readonly SlackDeliveryOptions Options = new()
    {
        MaxAttempts = 2, InitialBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(1),
        MaxRetryAfter = TimeSpan.FromMilliseconds(1), RequestTimeout = TimeSpan.FromSeconds(10),
    };

    [Theory]
    [InlineData(404)]
    [InlineData(500)]
    public async Task Error_body_echoing_the_request_path_is_neither_reported_nor_logged(int status)
    {
        await using var slack = await SlackReceiver.StartAsync(
            new SlackAnswer(status, $"no_service: POST {SlackReceiver.SecretPath} is unknown"),
            new SlackAnswer(status, $"no_service: POST {SlackReceiver.SecretPath} is unknown"));
        using var http = new HttpClient();
        var logger = new CapturingLogger<SlackNotifier>();

        var result = await new SlackNotifier(http, new StaticWebhookUrlSource(slack.WebhookUrl), Options,
            TimeProvider.System, logger).NotifyAsync(Notification(), CancellationToken.None);

        Assert.Equal(NotificationDelivery.Failed, result.Delivery);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Reason);
        Assert.DoesNotContain(SecretToken, result.Reason);
        Assert.NotEmpty(logger.Lines);
        Assert.DoesNotContain(SecretToken, logger.Text);
    }

    [Fact]
    public async Task Exception_naming_the_webhook_url_is_reduced_to_its_host()
    {
        var url = new Uri("https://hooks.example.test/services/T000/B000/" + SecretToken);
        using var http = new HttpClient(new ThrowingHandler());
        var logger = new CapturingLogger<SlackNotifier>();

        var result = await new SlackNotifier(http, new StaticWebhookUrlSource(url), Options, TimeProvider.System, logger)
            .NotifyAsync(Notification(), CancellationToken.None);

        Assert.Equal(NotificationDelivery.Failed, result.Delivery);
        Assert.Contains("hooks.example.test", result.Reason);
        Assert.DoesNotContain(SecretToken, result.Reason);
        Assert.DoesNotContain("/services/", result.Reason);
        Assert.DoesNotContain(SecretToken, logger.Text);
    }

    [Fact]
    public async Task Run_status_and_conditions_never_hold_the_echoed_secret()
    {
        using var folder = new AdversarialRunFolder();
        var resource = folder.WriteResource(AdversarialRunFolder.SlackSpec);
        await using var slack = await SlackReceiver.StartAsync(
            new SlackAnswer(404, $"no_service: {SlackReceiver.SecretPath}"));
        var webhookFile = Path.Combine(folder.Root, "webhook");
        await File.WriteAllTextAsync(webhookFile, slack.WebhookUrl.ToString());

        var (exit, stdout, stderr) = await CliRun.RunAsync(
            "run", "-f", resource, "--output", "json", "--slack-webhook-file", webhookFile);

        Assert.True(exit == 0, stderr);
        var status = JsonNode.Parse(stdout)!["status"]!;
        Assert.Equal("Failed", (string?)status["notification"]!["state"]);
        Assert.Contains("404", (string?)status["notification"]!["message"]);
        Assert.DoesNotContain(SecretToken, stdout);
        Assert.DoesNotContain(SecretToken, stderr);
    }

    private static OutcomeNotification Notification()
    {
        var resource = SampleRuns.Finished(ReconciliationPhase.Failed, 1);
        resource.Spec.Notifications.Slack = new SlackSpec();
        return OutcomeNotificationFactory.Create(resource);
    }

    /// <summary>An HTTP stack whose failure names the whole request URL, as some handlers and proxies do.</summary>
    private sealed class ThrowingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException($"An error occurred while sending the request to {request.RequestUri}.");
    }
}
