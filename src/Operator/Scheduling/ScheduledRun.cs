using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Scheduling;

/// <summary>What the planner needs to know about one existing resource of the schedule.</summary>
internal sealed record ScheduledRun(
    string Name,
    ReconciliationPhase Phase,
    DateTimeOffset? WindowStart,
    DateTimeOffset? CreationTime,
    bool Deleting = false)
{
    public bool IsFinished => Phase is ReconciliationPhase.Succeeded or ReconciliationPhase.Failed or ReconciliationPhase.Cancelled;

    /// <summary>Newest first: by window, then by creation, then by name so the order is total.</summary>
    public static IOrderedEnumerable<ScheduledRun> NewestFirst(IEnumerable<ScheduledRun> runs) =>
        runs.OrderByDescending(r => r.WindowStart ?? r.CreationTime ?? DateTimeOffset.MinValue)
            .ThenByDescending(r => r.CreationTime ?? DateTimeOffset.MinValue)
            .ThenByDescending(r => r.Name, StringComparer.Ordinal);

    public static ScheduledRun From(KafkaReconciliation resource) => new(
        resource.Metadata.Name ?? "",
        resource.Status?.Phase ?? ReconciliationPhase.Pending,
        resource.Status?.Window?.Start ?? resource.Spec.Window.Start,
        resource.Metadata.CreationTimestamp is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : null,
        resource.Metadata.DeletionTimestamp is not null);
}
