using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KafkaRecon.Operator.Notifications;

/// <summary>
/// Posts outcomes to a Slack incoming webhook, retrying 429 and 5xx with bounded attempts. Delivery problems come
/// back as <see cref="NotificationDelivery.Failed"/>; the webhook URL is never logged or reported (see
/// <see cref="WebhookRedaction"/>).
/// </summary>
internal sealed class SlackNotifier(
    HttpClient http,
    IWebhookUrlSource urls,
    SlackDeliveryOptions options,
    TimeProvider time,
    ILogger<SlackNotifier>? logger = null) : INotifier
{
    private readonly ILogger _logger = logger ?? NullLogger<SlackNotifier>.Instance;

    public async Task<NotificationResult> NotifyAsync(OutcomeNotification notification, CancellationToken cancellationToken)
    {
        var slack = notification.Destinations.Slack;
        if (slack is null)
        {
            return NotificationResult.Skipped("spec.notifications.slack is not set");
        }
        if (SlackWebhook.For(slack, notification.Outcome) is not { } webhook)
        {
            return NotificationResult.Skipped(
                "successes are not announced: spec.notifications.slack has a failureWebhookSecretRef and no " +
                "successWebhookSecretRef or webhookSecretRef");
        }
        Uri url;
        try
        {
            url = await urls.ResolveAsync(notification.Namespace, webhook, cancellationToken);
        }
        catch (WebhookUrlUnavailableException e)
        {
            return NotificationResult.Failed(e.Message, 0);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return NotificationResult.Failed($"reading the Slack webhook URL failed: {e.Message}", 0);
        }

        var payload = SlackMessageBuilder.Build(notification, slack, includeChannel: !webhook.OwnWebhook).ToJsonString();
        for (var attempt = 1; ; attempt++)
        {
            var decision = await AttemptAsync(url, payload, attempt, cancellationToken);
            switch (decision.Verdict)
            {
                case DeliveryVerdict.Delivered:
                    return NotificationResult.Sent(attempt);
                case DeliveryVerdict.GiveUp:
                    _logger.LogWarning("Slack notification {Id} failed: {Reason}", notification.NotificationId, decision.Reason);
                    return NotificationResult.Failed(decision.Reason ?? "unknown", attempt);
                default:
                    _logger.LogInformation("Slack notification {Id} attempt {Attempt} failed ({Reason}); retrying in {Delay}",
                        notification.NotificationId, attempt, decision.Reason, decision.Delay);
                    await Task.Delay(decision.Delay, time, cancellationToken);
                    break;
            }
        }
    }

    private async Task<DeliveryDecision> AttemptAsync(Uri url, string payload, int attempt, CancellationToken cancellationToken)
    {
        using var perAttempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        perAttempt.CancelAfter(options.RequestTimeout);
        HttpStatusCode? status = null;
        string? body = null;
        RetryConditionHeaderValue? retryAfter = null;
        string? transportError = null;
        try
        {
            using var content = new StringContent(payload, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(url, content, perAttempt.Token);
            status = response.StatusCode;
            retryAfter = response.Headers.RetryAfter;
            body = await response.Content.ReadAsStringAsync(perAttempt.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            transportError = status is null
                ? $"no answer within {options.RequestTimeout.TotalSeconds:0.#}s"
                : "the answer was not read in time";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Some handlers and proxies name the whole URL, whose path is the secret: keep its host only.
            transportError = e is HttpRequestException ? e.Message : $"{e.GetType().Name}: {e.Message}";
        }
        var decision = SlackRetryPolicy.Decide(status, body, retryAfter, attempt, options, time.GetUtcNow(), transportError);
        return decision.Reason is { } reason ? decision with { Reason = WebhookRedaction.Redact(reason, url) } : decision;
    }
}
