namespace KafkaRecon.Operator.Generation;

/// <summary>
/// The sample's databases and collections (some database names with <c>-</c>, some collection names with dots), one
/// collection missing from the export and one whole database missing from it, and how the records are shared out.
/// </summary>
internal static class SampleCatalog
{
    public static IReadOnlyList<SampleCollection> Collections { get; } =
    [
        new(0, "core", "claimant", 20, 4, ExportGap.None),
        new(1, "core", "contract", 15, 3, ExportGap.None),
        new(2, "core", "statement.history", 8, 2, ExportGap.None),
        new(3, "core", "toDo", 3, 1, ExportGap.None),
        new(4, "agent-core", "agent", 10, 2, ExportGap.None),
        new(5, "agent-core", "agentToDo.archive", 5, 2, ExportGap.None),
        new(6, "agent-core", "teamHistory", 2, 1, ExportGap.WholeCollection),
        new(7, "accepted-data", "address", 10, 3, ExportGap.None),
        new(8, "accepted-data", "childrenCircumstances", 6, 2, ExportGap.None),
        new(9, "accepted-data", "housingBenefit.claim.v2", 4, 1, ExportGap.None),
        new(10, "penalties-and-deductions", "sanction", 3, 1, ExportGap.WholeDatabase),
        new(11, "penalties-and-deductions", "sanction.reason", 1, 1, ExportGap.WholeDatabase),
        new(12, "calculator", "calculationParts", 13, 2, ExportGap.None),
    ];

    /// <summary>
    /// The record numbers of each collection: consecutive ranges in catalog order, sized by weight; the first
    /// collection takes the rounding remainder.
    /// </summary>
    public static IReadOnlyList<(SampleCollection Collection, long First, long Count)> Allocate(long records)
    {
        var totalWeight = Collections.Sum(c => c.Weight);
        var counts = Collections.Select(c => records * c.Weight / totalWeight).ToArray();
        counts[0] += records - counts.Sum();
        var result = new List<(SampleCollection, long, long)>(Collections.Count);
        long first = 0;
        for (var i = 0; i < Collections.Count; i++)
        {
            result.Add((Collections[i], first, counts[i]));
            first += counts[i];
        }
        return result;
    }
}
