namespace KafkaRecon.Operator.Generation;

/// <summary>
/// One collection of the sample: its share of the records (percent), its Kafka partitions, and its Kafka topic as K2HB
/// and HTME name it (the topic's database part uses <c>_</c> where the database name has <c>-</c>).
/// </summary>
internal sealed record SampleCollection(int Index, string Database, string Collection, int Weight, int Partitions, ExportGap Gap)
{
    public string Topic => $"db.{Database.Replace('-', '_')}.{Collection}";
}
