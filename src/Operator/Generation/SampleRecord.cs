namespace KafkaRecon.Operator.Generation;

/// <summary>
/// Every manifest row one record produces: up to two import rows and up to two export rows (older version first).
/// Import rows all carry STREAMED / K2HB / KAFKA_RECORD; export rows share one component.
/// </summary>
internal struct SampleRecord
{
    public long Number;
    public RecordFate Fate;
    /// <summary>The id is a JSON document with quotes and a pipe (so it is CSV-quoted) instead of an ObjectId.</summary>
    public bool DocumentId;
    /// <summary>K2HB's raw id (field 6) is <c>{"id":"…"}</c> rather than the bare id.</summary>
    public bool WrappedRawId;

    public int ImportRows;
    public long ImportTimestamp0;
    public long ImportTimestamp1;

    public int ExportRows;
    public long ExportTimestamp0;
    public long ExportTimestamp1;
    public byte ExportComponent;
    public byte ExportType0;
    public byte ExportType1;
}
