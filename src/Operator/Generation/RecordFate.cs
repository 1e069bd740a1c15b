namespace KafkaRecon.Operator.Generation;

/// <summary>What happens to one record on its way through the pipeline.</summary>
internal enum RecordFate
{
    /// <summary>Imported and exported with equal timestamps.</summary>
    Matched,
    MissingExport,
    MissingImport,
    /// <summary>Both sides, the import's timestamp smaller.</summary>
    EarlierInImport,
    /// <summary>Both sides, the export's timestamp smaller.</summary>
    EarlierInExport,
    /// <summary>An older and the latest version on the import side; the export has the latest.</summary>
    DuplicateOnImport,
    /// <summary>An older and the latest version on the export side; the import has the latest.</summary>
    DuplicateOnExport,
    /// <summary>An older and the latest version on both sides.</summary>
    DuplicateOnBoth,
    /// <summary>The same import line written twice (a re-delivered Kafka batch).</summary>
    RedeliveredImport,
    /// <summary>An older version inside the window and the latest one after it, on both sides.</summary>
    LatestAfterWindow,
    /// <summary>Stamped exactly at the window start (inclusive).</summary>
    AtStart,
    BeforeStart,
    /// <summary>Stamped exactly at the window end (exclusive, unless a margin is set).</summary>
    AtEnd,
    /// <summary>Stamped after the end but inside the margin (after the end and outside when there is no margin).</summary>
    InsideMargin,
    AfterMargin,
}
