using KafkaRecon.Entities;
using KafkaRecon.Operator.Reconciliation;

namespace KafkaRecon.Operator.Scheduling;

/// <summary>The window flags as given: <c>--date</c>, or <c>--start</c>/<c>--end</c>, or none (yesterday, UTC).</summary>
internal sealed record WindowRequest(DateOnly? Date = null, DateTimeOffset? Start = null, DateTimeOffset? End = null)
{
    /// <summary>
    /// The concrete UTC window, by the same rule a run applies to <c>spec.window</c> (<see cref="WindowResolver"/>):
    /// <c>--date</c> is that UTC day; unset bounds default to the previous UTC day, an end alone to the day before it.
    /// </summary>
    public ScheduleWindow Resolve(DateTimeOffset now)
    {
        var resolved = WindowResolver.Resolve(ToSpec(), now);
        if (resolved.End <= resolved.Start)
        {
            throw new ScheduleInputException(
                $"--end ({Rfc3339.Format(resolved.End)}) must be after --start ({Rfc3339.Format(resolved.Start)}); the end is exclusive.");
        }
        return new ScheduleWindow(resolved.Start, resolved.End);
    }

    private WindowSpec ToSpec()
    {
        if (Date is not { } date)
        {
            return new WindowSpec { Start = Start, End = End };
        }
        if (Start is not null || End is not null)
        {
            throw new ScheduleInputException("Use either --date or --start/--end, not both.");
        }
        var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new WindowSpec { Start = start, End = start.AddDays(1) };
    }
}
