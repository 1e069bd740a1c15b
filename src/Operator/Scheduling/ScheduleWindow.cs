namespace KafkaRecon.Operator.Scheduling;

/// <summary>The window one scheduled resource reconciles: [Start, End), both UTC.</summary>
internal sealed record ScheduleWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public bool IsWholeUtcDay =>
        Start.TimeOfDay == TimeSpan.Zero && Start.Offset == TimeSpan.Zero && End - Start == TimeSpan.FromDays(1);

    public override string ToString() => $"[{Rfc3339.Format(Start)}, {Rfc3339.Format(End)})";
}
