namespace KafkaRecon.Operator.Generation;

/// <summary>A collection's expected counts (the counts table's row), accumulated record by record.</summary>
internal sealed class CollectionTally
{
    public long Imported { get; private set; }
    public long Exported { get; private set; }
    public long MissingExports { get; private set; }
    public long MissingImports { get; private set; }
    public long EarlierInImport { get; private set; }
    public long EarlierInExport { get; private set; }
    public long DuplicateImports { get; private set; }
    public long DuplicateExports { get; private set; }

    public bool IsEmpty => Imported == 0 && Exported == 0;

    public void Add(RecordOutcome outcome)
    {
        switch (outcome)
        {
            case RecordOutcome.Matched:
                Imported++;
                Exported++;
                break;
            case RecordOutcome.MissingExport:
                Imported++;
                MissingExports++;
                break;
            case RecordOutcome.MissingImport:
                Exported++;
                MissingImports++;
                break;
            case RecordOutcome.EarlierInImport:
                Imported++;
                Exported++;
                EarlierInImport++;
                break;
            case RecordOutcome.EarlierInExport:
                Imported++;
                Exported++;
                EarlierInExport++;
                break;
        }
    }

    /// <summary>Counts an id seen on more than one line of a side in the window (<see cref="TruthClassifier.Duplicated"/>).</summary>
    public void AddDuplicates(bool import, bool export)
    {
        DuplicateImports += import ? 1 : 0;
        DuplicateExports += export ? 1 : 0;
    }

    public void Add(CollectionTally other)
    {
        DuplicateImports += other.DuplicateImports;
        DuplicateExports += other.DuplicateExports;
        Imported += other.Imported;
        Exported += other.Exported;
        MissingExports += other.MissingExports;
        MissingImports += other.MissingImports;
        EarlierInImport += other.EarlierInImport;
        EarlierInExport += other.EarlierInExport;
    }
}
