namespace KafkaRecon.Operator.Scheduling;

/// <summary>What to do when an earlier resource of the same schedule is still running (as a CronJob's field).</summary>
internal enum ConcurrencyPolicy
{
    /// <summary>Create regardless of running resources.</summary>
    Allow,
    /// <summary>Do not create while a resource of the same schedule has not finished.</summary>
    Forbid,
}
