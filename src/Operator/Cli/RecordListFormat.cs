namespace KafkaRecon.Operator.Cli;

/// <summary>How <c>results</c> prints the records on stdout.</summary>
internal enum RecordListFormat
{
    Table,
    Json,
    Csv,
}
