using System.Text.RegularExpressions;

namespace KafkaRecon.Operator.Retention;

/// <summary>
/// Which run folders one pass deletes: only this resource's own runs (<c>NAME-YYYYMMDD</c> or
/// <c>NAME-YYYYMMDD-rN</c>, as <see cref="Reconciliation.WindowResolver.RunId"/> names them, with or without the
/// input fingerprint <see cref="Inputs.RunFingerprint.RunId"/> appends, so another resource's
/// runs sharing the output location are never touched), never the current run, and only those whose newest object
/// is older than keepRuns. Complete or not (a <c>_SUCCESS</c> marker or none) makes no difference: the newest object
/// of a complete run is its marker or later, and a folder without one is judged by its newest object alike.
/// At most <see cref="MaxRunsPerPass"/> per pass, oldest first, so turning retention on over a long history is spread
/// over several nights instead of one long pass.
/// </summary>
internal static partial class RetentionPolicy
{
    public const int MaxRunsPerPass = 50;

    public static IReadOnlyList<RunFolder> Expired(
        IReadOnlyList<RunFolder> folders, string resourceName, string currentRunId, DateTimeOffset now, TimeSpan keep) =>
        folders
            .Where(f => BelongsTo(resourceName, f.RunId) && f.RunId != currentRunId && f.Newest < now - keep)
            .OrderBy(f => f.Newest)
            .Take(MaxRunsPerPass)
            .ToList();

    public static bool BelongsTo(string resourceName, string runId) =>
        runId.StartsWith(resourceName + "-", StringComparison.Ordinal) &&
        OwnSuffix().IsMatch(runId[(resourceName.Length + 1)..]);

    [GeneratedRegex(@"^[0-9]{8}(-r[0-9]{1,9})?(-f[0-9a-f]{10})?$")]
    private static partial Regex OwnSuffix();
}
