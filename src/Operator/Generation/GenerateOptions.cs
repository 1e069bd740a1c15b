namespace KafkaRecon.Operator.Generation;

/// <summary>What <c>kafka-recon generate</c> writes: <see cref="Records"/> distinct records spread over the catalog.</summary>
internal sealed record GenerateOptions(
    string OutputFolder,
    long Records,
    long Seed,
    double MissingPercent,
    DateOnly Date,
    int MarginMinutes)
{
    public const long MaxRecords = 10_000_000_000;
    public static DateOnly DefaultDate { get; } = new(2024, 3, 1);

    /// <summary>Most worker threads; 0 means one per core.</summary>
    public int Threads { get; init; }

    /// <summary>What is wrong with the options (naming the option), or null.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(OutputFolder))
        {
            return "--out: expected a folder to write the sample into.";
        }
        if (Records is < 0 or > MaxRecords)
        {
            return $"--records {Records}: expected 0 to {MaxRecords}.";
        }
        if (MissingPercent is < 0 or > FateTable.MaxMissingPercent || double.IsNaN(MissingPercent))
        {
            return $"--missing-percent {MissingPercent}: expected 0 to {FateTable.MaxMissingPercent}.";
        }
        if (MarginMinutes is < 0 or > 1440)
        {
            return $"--margin-minutes {MarginMinutes}: expected 0 to 1440.";
        }
        return Threads < 0 ? $"--threads {Threads}: expected 0 (one per core) or more." : null;
    }
}
