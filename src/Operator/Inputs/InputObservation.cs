namespace KafkaRecon.Operator.Inputs;

/// <summary>
/// One look at a run's inputs before it starts (spec.start): the newest modification time of a manifest file in
/// either location (null when there is none), how many files were listed, which markers are missing, and the error
/// when the look failed.
/// </summary>
internal sealed record InputObservation(
    DateTimeOffset? NewestChange, long Files, IReadOnlyList<string> MissingMarkers, string? Error = null)
{
    public static InputObservation Failed(string error) => new(null, 0, [], error);
}
