using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Scheduling;

/// <summary>Chooses the finished resources beyond the history limits, oldest windows first to go.</summary>
internal static class HistoryPruner
{
    /// <param name="protectedName">The current window's resource: never deleted, or the next run would recreate it.</param>
    public static IReadOnlyList<ScheduledRun> SelectForDeletion(
        IEnumerable<ScheduledRun> runs, HistoryLimits limits, string protectedName)
    {
        var candidates = runs.Where(r => r.IsFinished && !r.Deleting && r.Name != protectedName).ToList();
        // Cancelled runs did not succeed; like failed Jobs of a CronJob they count against the failed history.
        var succeeded = candidates.Where(r => r.Phase == ReconciliationPhase.Succeeded);
        var unsuccessful = candidates.Where(r => r.Phase != ReconciliationPhase.Succeeded);
        return ScheduledRun.NewestFirst(succeeded).Skip(limits.Successful)
            .Concat(ScheduledRun.NewestFirst(unsuccessful).Skip(limits.Failed))
            .ToList();
    }
}
