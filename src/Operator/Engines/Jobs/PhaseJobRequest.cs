using System.Text.Json.Serialization;
using k8s;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Engines.Jobs;

/// <summary>
/// One phase of one run as a Job's pod receives it (the environment variable <see cref="Variable"/>): the resource's
/// identity and the spec and window the operator planned with, so the pod needs no access to the API server and a
/// spec edited meanwhile cannot change work already started (the spec change cancels it instead).
/// </summary>
internal sealed class PhaseJobRequest
{
    public const string Variable = "KAFKA_RECON_PHASE_REQUEST";

    [JsonPropertyName("namespace")] public string Namespace { get; set; } = "";
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("uid")] public string Uid { get; set; } = "";
    [JsonPropertyName("runId")] public string RunId { get; set; } = "";
    [JsonPropertyName("window")] public ResolvedWindow Window { get; set; } = new();
    [JsonPropertyName("spec")] public KafkaReconciliationSpec Spec { get; set; } = new();
    [JsonPropertyName("attempt")] public int Attempt { get; set; }
    [JsonPropertyName("idempotencyKey")] public string IdempotencyKey { get; set; } = "";

    public static PhaseJobRequest From(PhaseContext context) => new()
    {
        Namespace = context.Resource.Namespace,
        Name = context.Resource.Name,
        Uid = context.Resource.Uid,
        RunId = context.RunId,
        Window = context.Window,
        Spec = context.Spec,
        Attempt = context.Attempt,
        IdempotencyKey = context.IdempotencyKey,
    };

    public PhaseContext ToContext() =>
        new(new ResourceIdentity(Namespace, Name, Uid), RunId, Window, Spec, Attempt, IdempotencyKey, []);

    public string ToJson() => KubernetesJson.Serialize(this);

    /// <exception cref="ArgumentException">The text is not a request.</exception>
    public static PhaseJobRequest Parse(string json)
    {
        try
        {
            return KubernetesJson.Deserialize<PhaseJobRequest>(json)
                   ?? throw new ArgumentException($"{Variable} is empty.");
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new ArgumentException($"{Variable} is not a phase request: {exception.Message}", exception);
        }
    }
}
