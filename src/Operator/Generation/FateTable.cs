namespace KafkaRecon.Operator.Generation;

/// <summary>
/// Shares of each fate, in parts per million: <c>missingPercent</c> of the records are missing from one side (three
/// quarters missing exports, one quarter missing imports); fixed small shares for every other kind of difference;
/// the rest match.
/// </summary>
internal sealed class FateTable
{
    public const int PartsPerMillion = 1_000_000;
    public const double MaxMissingPercent = 90;

    private static readonly (RecordFate Fate, int Share)[] Fixed =
    [
        (RecordFate.EarlierInImport, 5_000),
        (RecordFate.EarlierInExport, 5_000),
        (RecordFate.DuplicateOnImport, 15_000),
        (RecordFate.DuplicateOnExport, 15_000),
        (RecordFate.DuplicateOnBoth, 10_000),
        (RecordFate.RedeliveredImport, 5_000),
        (RecordFate.LatestAfterWindow, 3_000),
        (RecordFate.AtStart, 1_000),
        (RecordFate.BeforeStart, 3_000),
        (RecordFate.AtEnd, 2_000),
        (RecordFate.InsideMargin, 2_000),
        (RecordFate.AfterMargin, 2_000),
    ];

    private readonly (RecordFate Fate, int UpTo)[] _thresholds;

    public FateTable(double missingPercent)
    {
        if (missingPercent is < 0 or > MaxMissingPercent || double.IsNaN(missingPercent))
        {
            throw new ArgumentOutOfRangeException(nameof(missingPercent), missingPercent,
                $"expected a percentage from 0 to {MaxMissingPercent}");
        }
        var missing = (int)Math.Round(missingPercent * PartsPerMillion / 100);
        var missingImports = missing / 4;
        var thresholds = new List<(RecordFate, int)>();
        var upTo = 0;
        foreach (var (fate, share) in new[] { (RecordFate.MissingExport, missing - missingImports), (RecordFate.MissingImport, missingImports) }.Concat(Fixed))
        {
            upTo += share;
            thresholds.Add((fate, upTo));
        }
        _thresholds = [.. thresholds];
    }

    /// <summary>The fate of a draw in [0, 1,000,000).</summary>
    public RecordFate FateOf(int draw)
    {
        foreach (var (fate, upTo) in _thresholds)
        {
            if (draw < upTo)
            {
                return fate;
            }
        }
        return RecordFate.Matched;
    }
}
