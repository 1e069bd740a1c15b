using KafkaRecon.Operator.Notifications;

namespace KafkaRecon.Tests.Notifications;

public sealed class NotifiedConditionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Delivered_notification_sets_notified_true()
    {
        var condition = NotifiedCondition.From(NotificationResult.Sent(2), "id-1", 3, Now)!;
        Assert.Equal(("Notified", "True", "NotificationSent"), (condition.Type, condition.Status, condition.Reason));
        Assert.Equal(3, condition.ObservedGeneration);
        Assert.Equal(Now.UtcDateTime, condition.LastTransitionTime);
    }

    [Fact]
    public void Failed_notification_sets_notified_false_with_the_reason()
    {
        var condition = NotifiedCondition.From(NotificationResult.Failed("Slack answered 403 Forbidden: invalid_token", 1), "id-1", 3, Now)!;
        Assert.Equal(("Notified", "False", "NotificationFailed"), (condition.Type, condition.Status, condition.Reason));
        Assert.Equal("Outcome notification id-1 was not delivered: Slack answered 403 Forbidden: invalid_token", condition.Message);
    }

    [Fact]
    public void Skipped_notification_sets_no_condition() =>
        Assert.Null(NotifiedCondition.From(NotificationResult.Skipped("spec.notifications.slack is not set"), "id-1", 3, Now));
}
