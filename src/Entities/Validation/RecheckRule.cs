namespace KafkaRecon.Entities.Validation;

/// <summary>
/// <c>spec.recheck.after</c>: positive delays in strictly increasing order, at most <see cref="MaxDelay"/>, so each
/// check is later than the one before and the list reads as the schedule it is.
/// </summary>
internal static class RecheckRule
{
    public const string Field = "spec.recheck.after";

    /// <summary>Longest delay after the first verdict: late data older than a month is not late, it is lost.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(31);

    public static void Check(RecheckSpec recheck, List<SpecError> errors)
    {
        TimeSpan? previous = null;
        for (var i = 0; i < recheck.After.Count; i++)
        {
            var field = $"{Field}[{i}]";
            if (StartRule.Duration(recheck.After[i], field, allowZero: false, errors) is not { } delay)
            {
                continue;
            }
            if (delay > MaxDelay)
            {
                errors.Add(new(field, $"'{recheck.After[i]}' is longer than {MaxDelay.TotalHours:0}h (31 days)"));
            }
            if (previous is { } before && delay == before)
            {
                errors.Add(new(field, $"'{recheck.After[i]}' repeats the delay before it; each recheck needs its own delay"));
            }
            else if (previous is { } earlier && delay < earlier)
            {
                errors.Add(new(field,
                    $"'{recheck.After[i]}' is shorter than the delay before it ('{recheck.After[i - 1]}'); list the delays in increasing order"));
            }
            previous = delay;
        }
    }
}
