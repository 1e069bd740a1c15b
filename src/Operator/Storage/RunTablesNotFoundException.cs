namespace KafkaRecon.Operator.Storage;

/// <summary>No complete result tables where a run's tables should be.</summary>
internal sealed class RunTablesNotFoundException(string location)
    : Exception($"No complete result tables under '{location}' (no _SUCCESS marker): the run id or the output location is wrong, or the run's transform has not finished.")
{
    public string Location { get; } = location;
}
