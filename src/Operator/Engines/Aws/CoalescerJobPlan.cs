using System.Globalization;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>One coalescer job: which manifests it merges and under which deterministic name.</summary>
internal sealed record CoalescerJob(string Name, string Side, string Location, int? Partition)
{
    /// <summary>The container command: the S3 version of the embedded coalescer.</summary>
    public IReadOnlyList<string> Command(CoalesceSpec spec)
    {
        var command = new List<string> { "kafka-recon", "coalesce", "--location", Location };
        if (Partition is { } partition)
        {
            command.AddRange(["--partition", partition.ToString(CultureInfo.InvariantCulture)]);
        }
        command.AddRange([
            "--max-files", spec.MaxFiles.ToString(CultureInfo.InvariantCulture),
            "--max-bytes", spec.MaxBytes.ToString(CultureInfo.InvariantCulture),
        ]);
        return command;
    }
}

/// <summary>The coalescer jobs of one phase attempt: per side, one per configured partition (or one for all).</summary>
internal static class CoalescerJobPlan
{
    public static IReadOnlyList<CoalescerJob> For(PhaseContext context)
    {
        var partitions = context.Spec.Coalesce.Partitions.Count == 0
            ? [null]
            : context.Spec.Coalesce.Partitions.Distinct().Order().Select(p => (int?)p).ToList();
        var sides = new[]
        {
            ("import", context.Spec.Manifests.ImportLocation),
            ("export", context.Spec.Manifests.ExportLocation),
        };
        return sides
            .SelectMany(side => partitions.Select(partition => new CoalescerJob(
                AwsNames.BatchJobName(context.IdempotencyKey, side.Item1, partition), side.Item1, side.Item2, partition)))
            .ToList();
    }
}
