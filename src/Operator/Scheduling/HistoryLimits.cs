namespace KafkaRecon.Operator.Scheduling;

/// <summary>How many finished resources of a schedule to keep (CronJob defaults: 3 succeeded, 1 failed).</summary>
internal sealed record HistoryLimits(int Successful = 3, int Failed = 1);
