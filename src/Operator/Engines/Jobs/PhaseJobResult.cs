using System.Text.Json;
using System.Text.Json.Serialization;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Engines.Jobs;

/// <summary>
/// What a Job's pod reports of its phase, as its container's termination message (at most 4 KiB): the run id the
/// results were kept under and the input listing, or why it failed and whether retrying can help. The operator never
/// takes the success on trust: it checks the published tables itself.
/// </summary>
internal sealed record PhaseJobResult
{
    /// <summary>The kubelet keeps at most this much of a termination message.</summary>
    public const int MaxLength = 4096;

    [JsonPropertyName("succeeded")] public bool Succeeded { get; init; }
    [JsonPropertyName("runId")] public string? RunId { get; init; }
    [JsonPropertyName("inputs")] public RunInputs? Inputs { get; init; }
    [JsonPropertyName("failure")] public PhaseFailure? Failure { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
    [JsonPropertyName("retryable")] public bool Retryable { get; init; } = true;

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static PhaseJobResult From(PhaseObservation observation) => new()
    {
        Succeeded = observation.State == ObservedState.Succeeded,
        RunId = observation.RunId,
        Inputs = observation.Inputs,
        Failure = observation.Failure,
        Message = observation.Message,
        Retryable = observation.Retryable,
    };

    /// <summary>The result as a termination message, its message shortened so the whole fits in <see cref="MaxLength"/>.</summary>
    public string ToMessage()
    {
        var text = JsonSerializer.Serialize(this, Json);
        var overflow = System.Text.Encoding.UTF8.GetByteCount(text) - MaxLength;
        if (overflow <= 0 || Message is null)
        {
            return text;
        }
        var keep = Math.Max(0, Message.Length - overflow - 16);
        return (this with { Message = Message[..keep] + " …" }).ToMessage();
    }

    /// <summary>The result in a termination message; null when the message is not one (a crash, the kubelet's own text).</summary>
    public static PhaseJobResult? TryParse(string? message)
    {
        if (string.IsNullOrWhiteSpace(message) || !message.TrimStart().StartsWith('{'))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<PhaseJobResult>(message, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
