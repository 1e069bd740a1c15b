namespace KafkaRecon.Entities.Validation;

/// <summary>
/// <c>spec.retention.keepRuns</c>: whole days, and longer than a run of this resource may take (the phase timeouts
/// together), so no run still being written is ever old enough to delete.
/// </summary>
internal static class RetentionRule
{
    public const string Field = "spec.retention.keepRuns";

    public static void Check(KafkaReconciliationSpec spec, List<SpecError> errors)
    {
        if (spec.Retention.KeepRuns is not { } text)
        {
            return;
        }
        if (spec.Retention.KeepRunsSpan() is not { } keep)
        {
            // Replaces the declared pattern's message with one a person can act on.
            errors.RemoveAll(error => error.Field == Field);
            errors.Add(new(Field, $"'{text}' is not a number of days from 1d to 3650d; expected e.g. '30d'"));
            return;
        }
        var longestRun = TimeSpan.Zero;
        foreach (var timeout in new[] { spec.Timeouts.Coalesce, spec.Timeouts.Transform, spec.Timeouts.Query })
        {
            if (!DurationParser.TryParse(timeout, out var duration))
            {
                return; // reported under spec.timeouts
            }
            longestRun += duration;
        }
        if (keep <= longestRun)
        {
            errors.Add(new(Field,
                $"'{text}' is not longer than a run may take ({longestRun.TotalHours:0.#}h, spec.timeouts together); " +
                "a run still being written must never be old enough to delete"));
        }
    }
}
