using System.Text.Json.Nodes;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Yaml;

namespace KafkaRecon.Operator.Scheduling;

/// <summary>
/// A KafkaReconciliation written by the user (file or ConfigMap) from which each scheduled resource is stamped.
/// Kept as JSON so fields this version does not know pass through to the API server unchanged.
/// </summary>
internal sealed class ResourceTemplate
{
    // Server-owned metadata that would make a create fail or attach the copy to the template's identity.
    private static readonly string[] ServerOwnedMetadata =
    [
        "uid", "resourceVersion", "creationTimestamp", "generation", "managedFields", "deletionTimestamp",
        "deletionGracePeriodSeconds", "selfLink", "generateName",
    ];

    private readonly JsonObject root;

    private ResourceTemplate(JsonObject root) => this.root = root;

    public static ResourceTemplate Parse(string yaml, string sourceName)
    {
        JsonNode? document;
        try
        {
            document = YamlJson.Read(yaml);
        }
        catch (FormatException e)
        {
            throw new ScheduleInputException($"{sourceName} {e.Message}.");
        }
        if (document is null)
        {
            throw new ScheduleInputException($"{sourceName} is empty; expected one KafkaReconciliation document.");
        }
        if (document is not JsonObject root)
        {
            throw new ScheduleInputException($"{sourceName} must be a YAML mapping (a KafkaReconciliation), not a list or a scalar.");
        }
        var kind = (string?)root["kind"];
        if (kind is not null && kind != KafkaReconciliation.EntityKind)
        {
            throw new ScheduleInputException($"{sourceName} has kind '{kind}'; expected '{KafkaReconciliation.EntityKind}'.");
        }
        var apiVersion = (string?)root["apiVersion"];
        if (apiVersion is not null && apiVersion != KafkaReconciliation.GroupVersion)
        {
            throw new ScheduleInputException(
                $"{sourceName} has apiVersion '{apiVersion}'; expected '{KafkaReconciliation.GroupVersion}'.");
        }
        if (root["spec"] is not JsonObject)
        {
            throw new ScheduleInputException($"{sourceName} has no 'spec' mapping; copy one from a working KafkaReconciliation.");
        }
        return new ResourceTemplate(root);
    }

    /// <summary>A new resource for <paramref name="window"/>: the template's spec, the schedule's name and label.</summary>
    public JsonObject Instantiate(string name, string @namespace, string scheduleName, ScheduleWindow window)
    {
        var resource = (JsonObject)root.DeepClone();
        resource.Remove("status");
        resource["apiVersion"] = KafkaReconciliation.GroupVersion;
        resource["kind"] = KafkaReconciliation.EntityKind;
        var metadata = ChildObject(resource, "metadata");
        foreach (var field in ServerOwnedMetadata)
        {
            metadata.Remove(field);
        }
        metadata["name"] = name;
        metadata["namespace"] = @namespace;
        ChildObject(metadata, "labels")[WellKnown.ScheduleLabel] = scheduleName;

        var spec = (JsonObject)resource["spec"]!;
        var windowSpec = ChildObject(spec, "window");
        windowSpec["start"] = Rfc3339.Format(window.Start);
        windowSpec["end"] = Rfc3339.Format(window.End);
        return resource;
    }

    private static JsonObject ChildObject(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing)
        {
            return existing;
        }
        var created = new JsonObject();
        parent[key] = created;
        return created;
    }
}
