using k8s.Models;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Notifications;

/// <summary>The <c>Notified</c> condition a notification result leads to. Pure.</summary>
internal static class NotifiedCondition
{
    /// <summary>
    /// True/NotificationSent or False/NotificationFailed with the reason; null when nothing is configured, so
    /// resources without Slack do not carry a permanently false condition.
    /// </summary>
    public static V1Condition? From(NotificationResult result, string notificationId, long? observedGeneration, DateTimeOffset now) =>
        result.Delivery switch
        {
            NotificationDelivery.Sent => new V1Condition
            {
                Type = ConditionTypes.Notified,
                Status = "True",
                Reason = ConditionReasons.NotificationSent,
                Message = $"Outcome notification {notificationId} delivered to Slack after {result.Attempts} attempt(s).",
                ObservedGeneration = observedGeneration,
                LastTransitionTime = now.UtcDateTime,
            },
            NotificationDelivery.Failed => new V1Condition
            {
                Type = ConditionTypes.Notified,
                Status = "False",
                Reason = ConditionReasons.NotificationFailed,
                Message = $"Outcome notification {notificationId} was not delivered: {result.Reason}",
                ObservedGeneration = observedGeneration,
                LastTransitionTime = now.UtcDateTime,
            },
            _ => null,
        };
}
