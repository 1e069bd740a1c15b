namespace KafkaRecon.Operator.Generation;

/// <summary>How the comparison sees a record after the window filter and de-duplication of each side.</summary>
internal enum RecordOutcome
{
    /// <summary>No row of either side inside the window: not in the comparison at all.</summary>
    Absent,
    Matched,
    MissingExport,
    MissingImport,
    EarlierInImport,
    EarlierInExport,
}
