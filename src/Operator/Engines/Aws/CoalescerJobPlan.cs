namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>
/// The coalescer jobs of one phase attempt: import manifests one job per configured partition (or one for all),
/// export manifests always one job, because HTME's export file names carry no partition and a
/// <c>--partition</c> filter would find none of them (the local coalescer plans the same way).
/// </summary>
internal static class CoalescerJobPlan
{
    public static IReadOnlyList<CoalescerJob> For(PhaseContext context)
    {
        var partitions = context.Spec.Coalesce.Partitions.Count == 0
            ? [null]
            : context.Spec.Coalesce.Partitions.Distinct().Order().Select(p => (int?)p).ToList();
        var manifests = context.Spec.Manifests;
        var imports = partitions.Select(partition => new CoalescerJob(
            AwsNames.BatchJobName(context.IdempotencyKey, "import", partition), "import", manifests.ImportLocation, partition));
        var export = new CoalescerJob(
            AwsNames.BatchJobName(context.IdempotencyKey, "export", null), "export", manifests.ExportLocation, null);
        return [.. imports, export];
    }
}
