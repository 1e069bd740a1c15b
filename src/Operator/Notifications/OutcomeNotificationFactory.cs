using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Notifications;

/// <summary>Builds the outcome notification of a finished run from the resource and its status. Pure.</summary>
internal static class OutcomeNotificationFactory
{
    public const string SuccessTitle = "Kafka reconciliation successful";
    public const string MissingRecordsTitle = "Kafka reconciliation - missing records";
    public const string FailedTitle = "Kafka reconciliation failed";
    public const int MaxTopCollections = 5;

    /// <summary>
    /// The id the driver records in <c>status.notification.id</c> before sending: one per resource incarnation,
    /// run attempt and outcome, so a re-sent message can be recognised as the same one.
    /// </summary>
    public static string NotificationIdFor(KafkaReconciliation resource, NotificationOutcome outcome)
    {
        var meta = resource.Metadata;
        var attempt = resource.Status?.Attempt ?? 1;
        return $"{meta.NamespaceProperty}/{meta.Name}/{meta.Uid}/attempt-{attempt}/{OutcomeText(outcome)}";
    }

    public static NotificationOutcome OutcomeOf(KafkaReconciliationStatus status) =>
        status.Phase == ReconciliationPhase.Succeeded ? NotificationOutcome.Succeeded : NotificationOutcome.Failed;

    /// <summary>
    /// The notification for <paramref name="resource"/>'s finished run. Uses <c>status.notification.id</c> when the
    /// driver has recorded one, so what is sent matches what status says.
    /// </summary>
    public static OutcomeNotification Create(KafkaReconciliation resource)
    {
        var status = resource.Status ?? new KafkaReconciliationStatus();
        var outcome = OutcomeOf(status);
        var results = status.Results;
        var failure = outcome == NotificationOutcome.Failed ? FailureConditionOf(status) : null;
        var latest = status.Checks.LastOrDefault();
        var id = string.IsNullOrEmpty(status.Notification?.Id) ? NotificationIdFor(resource, outcome) : status.Notification.Id;
        return new OutcomeNotification
        {
            NotificationId = id,
            Namespace = resource.Metadata.NamespaceProperty ?? "",
            Name = resource.Metadata.Name ?? "",
            RunId = status.RunId,
            Outcome = outcome,
            Title = TitleOf(outcome, results),
            Severity = outcome == NotificationOutcome.Succeeded ? "High" : "Critical",
            NotificationType = outcome == NotificationOutcome.Succeeded ? "Information" : "Error",
            Window = status.Window,
            Engine = resource.Spec.Engine,
            Totals = results,
            TopCollections = status.TopCollections
                .Where(c => c.MissingExports > 0)
                .OrderByDescending(c => c.MissingExports)
                .ThenBy(c => c.Database, StringComparer.Ordinal)
                .ThenBy(c => c.Collection, StringComparer.Ordinal)
                .Take(MaxTopCollections)
                .ToList(),
            ReportLocation = results?.ReportLocation,
            OutputLocation = resource.Spec.Output?.Location,
            RunDuration = status.StartTime is { } start && status.CompletionTime is { } end && end >= start
                ? end - start
                : null,
            FailureReason = failure?.Reason,
            FailureMessage = failure?.Message,
            Destinations = resource.Spec.Notifications,
            InputsWarning = status.Waiting is { TimedOut: true } waiting
                ? $"Started without complete inputs: spec.start.maxWait ({resource.Spec.Start.MaxWait}) ran out " +
                  $"while waiting for {string.Join("; ", waiting.WaitingFor)}"
                : null,
            Check = latest?.Number ?? 1,
            Checks = Math.Max(latest?.Number ?? 1, resource.Spec.Recheck.After.Count + 1),
            CheckDelay = latest is { Number: > 1 } ? latest.Time - status.Checks[0].Time : null,
            Recovered = latest?.Recovered ?? 0,
        };
    }

    private static string TitleOf(NotificationOutcome outcome, ReconciliationResults? results)
    {
        if (outcome == NotificationOutcome.Succeeded)
        {
            return SuccessTitle;
        }
        var somethingMissing = results is not null
            && (results.MissingExports > 0 || results.MissingImports > 0
                || results.MissingCollections > 0 || results.MissingDatabases > 0);
        return somethingMissing ? MissingRecordsTitle : FailedTitle;
    }

    private static k8s.Models.V1Condition? FailureConditionOf(KafkaReconciliationStatus status) =>
        status.Conditions.FirstOrDefault(c => c.Type == ConditionTypes.Ready && c.Status == "False")
        ?? status.Conditions.FirstOrDefault(c => c.Type == ConditionTypes.Stalled && c.Status == "True");

    private static string OutcomeText(NotificationOutcome outcome) =>
        outcome == NotificationOutcome.Succeeded ? "succeeded" : "failed";
}
