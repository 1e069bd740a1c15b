namespace KafkaRecon.Operator.Scheduling;

/// <summary>The planning inputs taken from the command line.</summary>
internal sealed record ScheduleRequest(
    string Namespace,
    string Prefix,
    string ScheduleName,
    WindowRequest Window,
    ConcurrencyPolicy ConcurrencyPolicy,
    HistoryLimits History);
