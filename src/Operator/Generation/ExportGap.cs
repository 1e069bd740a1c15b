namespace KafkaRecon.Operator.Generation;

/// <summary>How a collection's export is damaged as a whole.</summary>
internal enum ExportGap
{
    None,
    /// <summary>The collection is missing from the export (its database is not).</summary>
    WholeCollection,
    /// <summary>The collection's whole database is missing from the export.</summary>
    WholeDatabase,
}
