namespace KafkaRecon.Operator.Scheduling;

/// <summary>Everything <c>kafka-recon create</c> will do, decided before anything is changed.</summary>
internal sealed record SchedulePlan(
    string Name,
    ScheduleWindow Window,
    CreateDecision Decision,
    string Message,
    IReadOnlyList<ScheduledRun> Deletions);
