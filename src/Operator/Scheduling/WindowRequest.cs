namespace KafkaRecon.Operator.Scheduling;

/// <summary>The window flags as given: <c>--date</c>, or <c>--start</c>/<c>--end</c>, or none (yesterday, UTC).</summary>
internal sealed record WindowRequest(DateOnly? Date = null, DateTimeOffset? Start = null, DateTimeOffset? End = null);
