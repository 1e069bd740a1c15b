namespace KafkaRecon.Operator.Generation;

/// <summary>The reconciled window in epoch milliseconds: a side's row counts when <c>Start &lt;= ts &lt; End + margin</c>.</summary>
internal readonly record struct SampleWindow(long StartMs, long EndMs, int MarginMinutes)
{
    public const long DayMs = 86_400_000;
    public const long HourMs = 3_600_000;

    public long MarginMs => MarginMinutes * 60_000L;

    public bool Contains(long timestamp) => timestamp >= StartMs && timestamp < EndMs + MarginMs;

    public static SampleWindow ForDay(DateOnly day, int marginMinutes)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        return new SampleWindow(start, start + DayMs, marginMinutes);
    }
}
