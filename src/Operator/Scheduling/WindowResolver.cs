namespace KafkaRecon.Operator.Scheduling;

/// <summary>Turns the window flags and the current time into the concrete UTC window.</summary>
internal static class WindowResolver
{
    public static ScheduleWindow Resolve(WindowRequest request, DateTimeOffset now)
    {
        if (request.Date is { } date)
        {
            if (request.Start is not null || request.End is not null)
            {
                throw new ScheduleInputException("Use either --date or --start/--end, not both.");
            }
            return WholeDay(date);
        }
        if (request.Start is null)
        {
            if (request.End is not null)
            {
                throw new ScheduleInputException("--end was given without --start; give both, or --date, or neither (yesterday, UTC).");
            }
            return WholeDay(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1));
        }
        var start = request.Start.Value.ToUniversalTime();
        var end = request.End?.ToUniversalTime() ?? start.AddDays(1);
        if (end <= start)
        {
            throw new ScheduleInputException(
                $"--end ({Rfc3339.Format(end)}) must be after --start ({Rfc3339.Format(start)}); the end is exclusive.");
        }
        return new ScheduleWindow(start, end);
    }

    private static ScheduleWindow WholeDay(DateOnly date)
    {
        var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new ScheduleWindow(start, start.AddDays(1));
    }
}
