using k8s.Models;

namespace KafkaRecon.Entities.Crd;

/// <summary>The schema of <c>metav1.Condition</c>, with the API server's own validation, for lists of <see cref="V1Condition"/>.</summary>
internal static class ConditionSchema
{
    public const string ReasonPattern = "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$";
    public const string TypePattern =
        "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$";

    /// <summary>A list of conditions, merged by <c>type</c> so that server-side apply and patches keep one per type.</summary>
    public static V1JSONSchemaProps List(string? description) => new()
    {
        Type = "array",
        Description = description ?? "Current state of the run as Kubernetes conditions: Ready, Reconciling, Stalled and one per phase.",
        Items = Item(),
        XKubernetesListType = "map",
        XKubernetesListMapKeys = ["type"],
    };

    private static V1JSONSchemaProps Item() => new()
    {
        Type = "object",
        Description = "One aspect of the current state (metav1.Condition).",
        Required = ["lastTransitionTime", "message", "reason", "status", "type"],
        Properties = new Dictionary<string, V1JSONSchemaProps>
        {
            ["lastTransitionTime"] = new()
            {
                Type = "string",
                Format = "date-time",
                Description = "When the condition last changed from one status to another.",
            },
            ["message"] = new()
            {
                Type = "string",
                MaxLength = 32768,
                Description = "Human-readable details about the transition; may be empty.",
            },
            ["observedGeneration"] = new()
            {
                Type = "integer",
                Format = "int64",
                Minimum = 0,
                Description = "The .metadata.generation the condition was set from.",
            },
            ["reason"] = new()
            {
                Type = "string",
                MinLength = 1,
                MaxLength = 1024,
                Pattern = ReasonPattern,
                Description = "Programmatic CamelCase identifier of the condition's last transition.",
            },
            ["status"] = new()
            {
                Type = "string",
                EnumProperty = ["True", "False", "Unknown"],
                Description = "Status of the condition: True, False or Unknown.",
            },
            ["type"] = new()
            {
                Type = "string",
                MaxLength = 316,
                Pattern = TypePattern,
                Description = "Type of the condition in CamelCase, such as Ready or Stalled.",
            },
        },
    };
}
