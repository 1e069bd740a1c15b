namespace KafkaRecon.Operator.Engines.Aws;

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
