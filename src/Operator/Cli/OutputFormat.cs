namespace KafkaRecon.Operator.Cli;

/// <summary>How <c>run</c> prints its result on stdout.</summary>
internal enum OutputFormat
{
    Text,
    Json,
    Yaml,
}
