using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>
/// At most one notification per run outcome: it is recorded in status (state Sending) before it is sent, so an
/// operator that restarts mid-send never sends it twice.
/// </summary>
internal static class NotificationStep
{
    public const string Sending = "Sending";
    public const string Sent = "Sent";
    public const string Failed = "Failed";
    public const string Unconfirmed = "Unconfirmed";

    public static Plan Next(PlanningState state)
    {
        if (state.Spec.Notifications.Slack is null || state.Status.RunId is null)
        {
            return state.Finished();
        }
        var outcome = state.Status.Phase.ToString();
        var id = $"{state.Status.RunId}-{outcome.ToLowerInvariant()}";
        var recorded = state.Status.Notification;
        // A recheck runs under its own run id, so each check has its own notification (if it is announced at all).
        if (recorded is null || recorded.Id != id)
        {
            if (!RecheckSchedule.Announces(state.Status.Checks.ToList()))
            {
                return state.Finished();
            }
            state.Status.Notification = new NotificationRecord { Id = id, Outcome = outcome, State = Sending };
            return state.Then(new PlannedAction.Notify());
        }
        if (recorded.State == Sending)
        {
            recorded.State = Unconfirmed;
            recorded.Message = "The operator restarted while sending; not sent again to avoid a duplicate";
            state.Condition(ConditionTypes.Notified, Conditions.Unknown, "DeliveryUnconfirmed", recorded.Message);
        }
        return state.Finished();
    }

    public static Plan Fold(PlanningState state, ActionResult.Notification result)
    {
        var recorded = state.Status.Notification;
        if (recorded is null)
        {
            return state.Finished();
        }
        recorded.State = result.Sent ? Sent : Failed;
        recorded.SentTime = result.Sent ? state.Now : null;
        recorded.Message = result.Error;
        if (result.Sent)
        {
            state.Condition(ConditionTypes.Notified, Conditions.True, ConditionReasons.NotificationSent,
                $"{recorded.Outcome} notification {recorded.Id} sent");
        }
        else
        {
            state.Condition(ConditionTypes.Notified, Conditions.False, ConditionReasons.NotificationFailed,
                $"Notification {recorded.Id} could not be sent: {result.Error}");
            state.Warning(ConditionReasons.NotificationFailed, $"Notification {recorded.Id} failed: {result.Error}");
        }
        return state.Finished();
    }
}
