using System.ComponentModel;
using System.Text.Json.Serialization;

namespace KafkaRecon.Entities;

[Description("What the run's AWS work used, from the services' own figures; an item is absent until its phase ends " +
             "on AWS (the embedded engine has none).")]
public sealed record RunCost
{
    [JsonPropertyName("athenaBytesScanned")]
    [Description("Bytes scanned by the run's Athena queries (Athena bills by this).")]
    public long? AthenaBytesScanned { get; init; }

    [JsonPropertyName("glueDpuSeconds")]
    [Description("DPU-seconds of the transform's Glue run: Glue's DPUSeconds, else execution time x capacity.")]
    public double? GlueDpuSeconds { get; init; }

    [JsonPropertyName("batchVcpuSeconds")]
    [Description("vCPU-seconds of the coalesce Batch jobs: each job's vCPUs x (stoppedAt - startedAt).")]
    public double? BatchVcpuSeconds { get; init; }

    /// <summary>
    /// This cost plus a phase attempt's: each attempt reports its usage once, when its work ends, so a retried phase
    /// adds what every attempt used.
    /// </summary>
    public RunCost Plus(RunCost attempt) => new()
    {
        AthenaBytesScanned = Sum(AthenaBytesScanned, attempt.AthenaBytesScanned),
        GlueDpuSeconds = Sum(GlueDpuSeconds, attempt.GlueDpuSeconds),
        BatchVcpuSeconds = Sum(BatchVcpuSeconds, attempt.BatchVcpuSeconds),
    };

    private static long? Sum(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);

    private static double? Sum(double? a, double? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
}
