using System.Globalization;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Aws;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>A phase's AWS usage from the services' own figures (what each service bills by).</summary>
internal static class AwsCost
{
    /// <summary>DPUs of one worker of each Glue worker type (Glue's own table).</summary>
    private static readonly Dictionary<string, double> DpusPerWorker = new(StringComparer.Ordinal)
    {
        ["G.025X"] = 0.25, ["G.1X"] = 1, ["G.2X"] = 2, ["G.4X"] = 4, ["G.8X"] = 8, ["Z.2X"] = 2, ["Standard"] = 1,
    };

    /// <summary>Bytes scanned by every finished query; queries Athena has no figure for count as zero.</summary>
    public static RunCost Athena(IEnumerable<QueryExecution> executions) =>
        new() { AthenaBytesScanned = executions.Sum(e => e.Statistics?.DataScannedInBytes ?? 0) };

    /// <summary>
    /// Glue's DPUSeconds when it reports it (auto-scaling and Flex runs); otherwise execution time times the run's
    /// capacity (workers x DPUs per worker, else MaxCapacity). Null while the run has no execution time.
    /// </summary>
    public static RunCost? Glue(JobRun run)
    {
        if (run.DPUSeconds is { } reported)
        {
            return new RunCost { GlueDpuSeconds = reported };
        }
        var capacity = run is { NumberOfWorkers: { } workers, WorkerType: { } type } && DpusPerWorker.TryGetValue(type, out var dpus)
            ? workers * dpus
            : run.MaxCapacity;
        return run.ExecutionTime is { } seconds && capacity is { } dpu ? new RunCost { GlueDpuSeconds = seconds * dpu } : null;
    }

    /// <summary>Each job's vCPUs times the time it ran; a job that never started costs nothing.</summary>
    public static RunCost Batch(IEnumerable<BatchJobDetail> jobs) =>
        new() { BatchVcpuSeconds = jobs.Sum(VcpuSeconds) };

    private static double VcpuSeconds(BatchJobDetail job)
    {
        if (job is not { StartedAt: { } started, StoppedAt: { } stopped } || stopped < started)
        {
            return 0;
        }
        return Vcpus(job.Container) * (stopped - started) / 1000.0;
    }

    private static double Vcpus(BatchContainerDetail? container)
    {
        var required = container?.ResourceRequirements?.FirstOrDefault(r => r.Type == "VCPU")?.Value;
        return required is not null && double.TryParse(required, NumberStyles.Float, CultureInfo.InvariantCulture, out var vcpus)
            ? vcpus
            : container?.Vcpus ?? 1;
    }
}
