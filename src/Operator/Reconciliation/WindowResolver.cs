using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>
/// The one window rule, for a run's <c>spec.window</c> and for <c>kafka-recon create</c>'s flags alike: both bounds
/// are taken as given; a start alone spans one day; an end alone closes the day before it (end - 1 day, end); neither
/// is the previous UTC day. Bounds are converted to UTC.
/// </summary>
internal static class WindowResolver
{
    public static ResolvedWindow Resolve(WindowSpec window, DateTimeOffset now)
    {
        var (start, end) = (window.Start, window.End) switch
        {
            ({ } s, { } e) => (s, e),
            ({ } s, null) => (s, s.AddDays(1)),
            (null, { } e) => (e.AddDays(-1), e),
            _ => (PreviousUtcMidnight(now), PreviousUtcMidnight(now).AddDays(1)),
        };
        return new ResolvedWindow
        {
            Start = start.ToUniversalTime(),
            End = end.ToUniversalTime(),
            MarginMinutes = window.MarginMinutes,
        };
    }

    /// <summary>The run's identity: resource name and window date, plus the attempt after a re-run.</summary>
    public static string RunId(string name, ResolvedWindow window, int runAttempt) =>
        runAttempt <= 1
            ? $"{name}-{window.Start.UtcDateTime:yyyyMMdd}"
            : $"{name}-{window.Start.UtcDateTime:yyyyMMdd}-r{runAttempt}";

    private static DateTimeOffset PreviousUtcMidnight(DateTimeOffset now)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return today.AddDays(-1);
    }
}
