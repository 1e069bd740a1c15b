namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// File naming of one side: how originals are recognised and how merged files are named. A merged name never
/// matches the original pattern, so merged files are never merged again.
/// </summary>
internal interface IManifestNaming
{
    ManifestSide Side { get; }

    /// <summary>The key of an original file, or null when the name is not one of this side's originals.</summary>
    ManifestKey? ParseOriginal(string fileName);

    /// <summary>The key of a merged file written by the coalescer, or null.</summary>
    MergedKey? ParseMerged(string fileName);

    /// <summary>The deterministic name of the merged file of a batch (first and last member, member count).</summary>
    string MergedName(ManifestKey first, ManifestKey last, int memberCount);

    /// <summary>True when <paramref name="original"/> lies inside the range a merged file was made from.</summary>
    bool Covers(MergedKey merged, ManifestKey original);
}
