namespace KafkaRecon.Operator.Execution;

/// <summary>
/// The default of <c>--max-concurrent-runs</c>: one embedded run per CPU the process may use, but no more than its
/// memory allows at <see cref="MemoryPerRun"/> each. Both figures come from the runtime, which reads the container's
/// cgroup limits: <see cref="Environment.ProcessorCount"/> (CPU quota) and
/// <see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/> (memory limit).
/// </summary>
internal static class ConcurrencyDefaults
{
    /// <summary>What one small embedded run is budgeted (DuckDB's working memory plus the report).</summary>
    public const long MemoryPerRun = 512L * 1024 * 1024;

    /// <summary>Kept back for the operator itself (caches, HTTP, watch buffers).</summary>
    public const long OperatorReserve = 256L * 1024 * 1024;

    public static int MaxConcurrentRuns() =>
        MaxConcurrentRuns(Environment.ProcessorCount, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    public static int MaxConcurrentRuns(int processors, long availableMemoryBytes)
    {
        var byMemory = (availableMemoryBytes - OperatorReserve) / MemoryPerRun;
        return (int)Math.Max(1, Math.Min(processors, byMemory));
    }
}
