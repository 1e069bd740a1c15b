using KafkaRecon.Entities;
using KafkaRecon.Entities.Validation;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>
/// The pure rules of rechecks (spec.recheck): when the next is due, how many records a check recovered, and which
/// checks are announced. Delays count from the first verdict, so a slow recheck never pushes the later ones back.
/// </summary>
internal static class RecheckSchedule
{
    /// <summary>When the next check is due after <paramref name="checks"/>; null when none is left.</summary>
    public static DateTimeOffset? NextDue(RecheckSpec recheck, IReadOnlyList<CheckRecord> checks)
    {
        if (checks.Count == 0 || checks.Count > recheck.After.Count)
        {
            return null;
        }
        return DurationParser.TryParse(recheck.After[checks.Count - 1], out var delay) ? checks[0].Time + delay : null;
    }

    /// <summary>Records an earlier check found missing (on either side) that this one no longer does.</summary>
    public static long Recovered(CheckRecord? previous, long? missingExports, long? missingImports) =>
        previous is null ? 0 : Decrease(previous.MissingExports, missingExports) + Decrease(previous.MissingImports, missingImports);

    /// <summary>
    /// The check a new one's recovery counts against: the latest that compared (a recheck that could not complete
    /// has no counts, and counting against it would leave records that arrived late unannounced).
    /// </summary>
    public static CheckRecord? LastCompared(IReadOnlyList<CheckRecord> checks) =>
        checks.LastOrDefault(check => check.MissingExports is not null || check.MissingImports is not null);

    /// <summary>
    /// The first verdict is always announced; a recheck only when it still fails or when records arrived late, so
    /// a clean window stays one message.
    /// </summary>
    public static bool Announces(CheckRecord? latest) =>
        latest is null || latest.Number <= 1 || latest.Verdict != nameof(ReconciliationPhase.Succeeded) || latest.Recovered > 0;

    /// <summary>
    /// As <see cref="Announces(CheckRecord?)"/>, and also a recheck that succeeds after a check that did not: the
    /// last message said "failed", so the change must be said even when no count went down.
    /// </summary>
    public static bool Announces(IReadOnlyList<CheckRecord> checks) =>
        Announces(checks.LastOrDefault()) ||
        (checks.Count >= 2 && checks[^2].Verdict != nameof(ReconciliationPhase.Succeeded));

    private static long Decrease(long? before, long? after) =>
        before is { } b && after is { } a && b > a ? b - a : 0;
}
