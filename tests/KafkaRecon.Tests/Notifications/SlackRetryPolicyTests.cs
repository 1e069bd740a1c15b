using System.Net;
using System.Net.Http.Headers;
using KafkaRecon.Operator.Notifications;

namespace KafkaRecon.Tests.Notifications;

public sealed class SlackRetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private static readonly SlackDeliveryOptions Options = new()
    {
        MaxAttempts = 4, InitialBackoff = TimeSpan.FromSeconds(2), MaxBackoff = TimeSpan.FromSeconds(10),
        MaxRetryAfter = TimeSpan.FromSeconds(60),
    };

    public static TheoryData<int?, string?, int, string, double> Cases => new()
    {
        // status, Retry-After, attempt, expected verdict, expected delay (s)
        { 200, null, 1, "Delivered", 0 },
        { 204, null, 3, "Delivered", 0 },
        { 429, "7", 1, "RetryAfterDelay", 7 },
        { 429, "3600", 1, "RetryAfterDelay", 60 },
        { 429, null, 2, "RetryAfterDelay", 4 },
        { 500, null, 1, "RetryAfterDelay", 2 },
        { 503, null, 3, "RetryAfterDelay", 8 },
        { 502, null, 3, "RetryAfterDelay", 8 },
        { 408, null, 1, "RetryAfterDelay", 2 },
        { null, null, 1, "RetryAfterDelay", 2 },
        { 500, null, 4, "GiveUp", 0 },
        { 429, "1", 4, "GiveUp", 0 },
        { 400, null, 1, "GiveUp", 0 },
        { 403, null, 1, "GiveUp", 0 },
        { 404, null, 1, "GiveUp", 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_by_status_retry_after_and_attempt(int? status, string? retryAfter, int attempt, string verdict, double delaySeconds)
    {
        var decision = SlackRetryPolicy.Decide(
            (HttpStatusCode?)status, "", retryAfter is null ? null : RetryConditionHeaderValue.Parse(retryAfter),
            attempt, Options, Now, status is null ? "connection refused" : null);

        Assert.Equal(verdict, decision.Verdict.ToString());
        Assert.Equal(TimeSpan.FromSeconds(delaySeconds), decision.Delay);
    }

    [Fact]
    public void Retry_after_as_an_http_date_waits_until_that_time()
    {
        var decision = SlackRetryPolicy.Decide(
            HttpStatusCode.TooManyRequests, "", new RetryConditionHeaderValue(Now.AddSeconds(12)), 1, Options, Now);
        Assert.Equal(TimeSpan.FromSeconds(12), decision.Delay);
    }

    [Fact]
    public void Backoff_doubles_and_stops_at_the_maximum()
    {
        Assert.Equal(
            [2, 4, 8, 10, 10],
            Enumerable.Range(1, 5).Select(a => SlackRetryPolicy.Backoff(a, Options).TotalSeconds).ToArray());
    }

    [Fact]
    public void Giving_up_names_the_attempts_and_slacks_answer()
    {
        var decision = SlackRetryPolicy.Decide(HttpStatusCode.ServiceUnavailable, "upstream busy", null, 4, Options, Now);
        Assert.Equal("gave up after 4 attempts; last: Slack answered 503 ServiceUnavailable: " +
            "(the answer's body is not shown: it may echo the webhook URL)", decision.Reason);
    }

    [Fact]
    public void A_rejected_payload_is_not_retried_and_says_why()
    {
        var decision = SlackRetryPolicy.Decide(HttpStatusCode.NotFound, "channel_not_found", null, 1, Options, Now);
        Assert.Equal(DeliveryVerdict.GiveUp, decision.Verdict);
        Assert.Equal("Slack answered 404 NotFound: channel_not_found", decision.Reason);
    }
}
