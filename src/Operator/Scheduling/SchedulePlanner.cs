namespace KafkaRecon.Operator.Scheduling;

/// <summary>
/// The pure decision of <c>kafka-recon create</c>: which resource, for which window, whether to create it, and which
/// finished resources of the schedule fall out of the history. No I/O; the clock comes in as <paramref name="now"/>.
/// </summary>
internal static class SchedulePlanner
{
    public static SchedulePlan Plan(ScheduleRequest request, IReadOnlyCollection<ScheduledRun> existing, DateTimeOffset now)
    {
        var (name, window) = NameAndWindow(request, now);
        var deletions = HistoryPruner.SelectForDeletion(existing, request.History, name);
        var (decision, message) = Decide(request, existing, name, window);
        return new SchedulePlan(name, window, decision, message, deletions);
    }

    /// <summary>Validates every flag and resolves the resource name and window; needs nothing from the cluster.</summary>
    public static (string Name, ScheduleWindow Window) NameAndWindow(ScheduleRequest request, DateTimeOffset now)
    {
        RunNaming.ValidateScheduleName(request.ScheduleName);
        ValidateHistory(request.History);
        var window = request.Window.Resolve(now);
        return (RunNaming.NameFor(request.Prefix, window), window);
    }

    private static (CreateDecision, string) Decide(
        ScheduleRequest request, IReadOnlyCollection<ScheduledRun> existing, string name, ScheduleWindow window)
    {
        var qualified = $"{request.Namespace}/{name}";
        if (existing.Any(r => r.Name == name))
        {
            return (CreateDecision.AlreadyExists,
                $"kafkareconciliation {qualified} for window {window} already exists; nothing to create.");
        }
        if (request.ConcurrencyPolicy == ConcurrencyPolicy.Forbid)
        {
            var running = ScheduledRun.NewestFirst(existing.Where(r => !r.IsFinished && !r.Deleting)).ToList();
            if (running.Count > 0)
            {
                var which = string.Join(", ", running.Select(r => $"{r.Name} ({r.Phase})"));
                return (CreateDecision.SkipBecauseRunning,
                    $"Not creating {qualified}: schedule '{request.ScheduleName}' still has unfinished " +
                    $"{(running.Count == 1 ? "resource" : "resources")} {which} and the concurrency policy is Forbid. " +
                    (window.IsWholeUtcDay
                        ? $"Backfill this window once they finish with --date {window.Start.UtcDateTime:yyyy-MM-dd}."
                        : $"Backfill this window once they finish with --start {Rfc3339.Format(window.Start)} --end {Rfc3339.Format(window.End)}."));
            }
        }
        return (CreateDecision.Create, $"Creating kafkareconciliation {qualified} for window {window}.");
    }

    private static void ValidateHistory(HistoryLimits history)
    {
        if (history.Successful < 0)
        {
            throw new ScheduleInputException($"--successful-history must be 0 or more, got {history.Successful}.");
        }
        if (history.Failed < 0)
        {
            throw new ScheduleInputException($"--failed-history must be 0 or more, got {history.Failed}.");
        }
    }
}
