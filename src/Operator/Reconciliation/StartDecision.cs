using System.Globalization;
using KafkaRecon.Entities;
using KafkaRecon.Entities.Validation;
using KafkaRecon.Operator.Inputs;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>
/// Whether a run may start (spec.start), as a pure function of the spec, the window, when the wait began, the
/// latest look at the inputs and now. notBefore is a floor no timeout overrides (it is only time, it will pass);
/// quietPeriod and markers may never be met, so maxWait bounds them, counted from the later of the wait's
/// beginning and the notBefore time.
/// </summary>
internal static class StartDecision
{
    /// <summary>How often missing markers (or a failed look) are looked at again.</summary>
    public static readonly TimeSpan MarkerPollInterval = TimeSpan.FromMinutes(2);

    /// <summary>The shortest requeue: a condition met within it is looked at again just after.</summary>
    private static readonly TimeSpan MinimumDelay = TimeSpan.FromSeconds(5);

    public static StartVerdict Decide(
        StartSpec start, ResolvedWindow window, DateTimeOffset since, InputObservation? observation, DateTimeOffset now)
    {
        var earliest = EarliestStart(start, window);
        if (earliest is { } notBefore && now < notBefore)
        {
            return new StartVerdict.Wait(
                [$"notBefore: not before {Time(notBefore)} ({start.NotBefore} after the window's end and margin)"],
                notBefore, Deadline(start, since, earliest));
        }
        var quiet = Parse(start.QuietPeriod);
        if (quiet is null && start.Markers.Count == 0)
        {
            return new StartVerdict.Go([], TimedOut: false);
        }
        if (observation is null)
        {
            return new StartVerdict.Observe();
        }
        var unmet = new List<string>();
        var next = now + MarkerPollInterval;
        if (observation.Error is { } error)
        {
            unmet.Add($"inputs could not be listed: {error}");
        }
        else
        {
            if (quiet is { } period && observation.NewestChange is { } newest && now < newest + period)
            {
                unmet.Add($"quietPeriod: a manifest file changed at {Time(newest)}; quiet until {Time(newest + period)}");
                next = observation.MissingMarkers.Count > 0 && now + MarkerPollInterval < newest + period
                    ? now + MarkerPollInterval
                    : newest + period;
            }
            if (observation.MissingMarkers.Count > 0)
            {
                unmet.Add($"markers missing: {string.Join(", ", observation.MissingMarkers)}");
            }
        }
        if (unmet.Count == 0)
        {
            return new StartVerdict.Go([], TimedOut: false);
        }
        var deadline = Deadline(start, since, earliest);
        if (deadline is { } end && now >= end)
        {
            return new StartVerdict.Go(unmet, TimedOut: true);
        }
        if (deadline is { } limit && limit < next)
        {
            next = limit;
        }
        return new StartVerdict.Wait(unmet, next < now + MinimumDelay ? now + MinimumDelay : next, deadline);
    }

    /// <summary>The window's end plus its margin plus notBefore; null when notBefore is unset.</summary>
    public static DateTimeOffset? EarliestStart(StartSpec start, ResolvedWindow window) =>
        Parse(start.NotBefore) is { } notBefore ? window.End + TimeSpan.FromMinutes(window.MarginMinutes) + notBefore : null;

    private static DateTimeOffset? Deadline(StartSpec start, DateTimeOffset since, DateTimeOffset? earliest) =>
        Parse(start.MaxWait) is { } maxWait ? (earliest is { } e && e > since ? e : since) + maxWait : null;

    private static TimeSpan? Parse(string? duration) =>
        duration is not null && DurationParser.TryParse(duration, out var value) ? value : null;

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
