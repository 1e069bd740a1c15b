namespace KafkaRecon.Operator.Manifests;

/// <summary>What <see cref="ManifestFieldSplitter"/> made of a record's bytes.</summary>
internal enum SplitOutcome
{
    /// <summary>Split into fields (any number of them).</summary>
    Fields,

    /// <summary>A quoted field is still open at the end: the record may go on on the next line.</summary>
    OpenQuote,

    /// <summary>Text follows a closing quote before the next separator.</summary>
    Malformed,
}
