using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace KafkaRecon.Operator.Notifications;

/// <summary>
/// Decides after each webhook attempt. 429 waits for Retry-After (capped); 408 and 5xx back off exponentially;
/// other 4xx answers (bad payload, revoked webhook, unknown channel) cannot improve by retrying. Pure.
/// Of an answer's body only a Slack error code is kept in the reason.
/// </summary>
internal static partial class SlackRetryPolicy
{
    /// <param name="status">The HTTP status, or null when the request did not complete (network error, timeout).</param>
    /// <param name="attempt">1-based number of the attempt just made.</param>
    public static DeliveryDecision Decide(
        HttpStatusCode? status,
        string? responseBody,
        RetryConditionHeaderValue? retryAfter,
        int attempt,
        SlackDeliveryOptions options,
        DateTimeOffset now,
        string? transportError = null)
    {
        if (status is { } code && (int)code is >= 200 and < 300)
        {
            return DeliveryDecision.Delivered;
        }
        var reason = status is { } s
            ? $"Slack answered {(int)s} {s}{(string.IsNullOrWhiteSpace(responseBody) ? "" : $": {ErrorCode(responseBody)}")}"
            : $"the webhook request did not complete: {transportError ?? "unknown error"}";
        var retryable = status is null || status == HttpStatusCode.TooManyRequests
            || status == HttpStatusCode.RequestTimeout || (int)status.Value >= 500;
        if (!retryable)
        {
            return DeliveryDecision.GiveUp(reason);
        }
        if (attempt >= options.MaxAttempts)
        {
            return DeliveryDecision.GiveUp($"gave up after {attempt} attempts; last: {reason}");
        }
        var delay = status == HttpStatusCode.TooManyRequests && RetryAfterDelay(retryAfter, now) is { } wanted
            ? Min(wanted, options.MaxRetryAfter)
            : Backoff(attempt, options);
        return DeliveryDecision.Retry(delay, reason);
    }

    /// <summary>Exponential backoff: initial, 2×initial, 4×initial …, never above the maximum.</summary>
    public static TimeSpan Backoff(int attempt, SlackDeliveryOptions options)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        return Min(TimeSpan.FromTicks((long)Math.Min(options.InitialBackoff.Ticks * factor, TimeSpan.MaxValue.Ticks)),
            options.MaxBackoff);
    }

    private static TimeSpan? RetryAfterDelay(RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (retryAfter?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>
    /// Slack answers a refused message with a short error code (<c>invalid_payload</c>, <c>no_service</c>); any other
    /// body may echo the request, whose path is the credential, so it is never kept.
    /// </summary>
    private static string ErrorCode(string body)
    {
        var trimmed = body.Trim();
        return SlackErrorCode().IsMatch(trimmed) ? trimmed : "(the answer's body is not shown: it may echo the webhook URL)";
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex SlackErrorCode();
}
