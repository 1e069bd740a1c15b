using System.Globalization;
using System.Text.Json.Nodes;
using KafkaRecon.ApiServer.Json;

namespace KafkaRecon.ApiServer.Storage;

/// <summary>Accessors for <c>metadata</c> of an object kept as JSON.</summary>
internal static class ObjectMeta
{
    public static JsonObject Of(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        metadata = new JsonObject();
        obj["metadata"] = metadata;
        return metadata;
    }

    public static string Name(JsonObject obj) => Text(obj, "name") ?? "";

    public static string Namespace(JsonObject obj) => Text(obj, "namespace") ?? "";

    public static string? Text(JsonObject obj, string field) =>
        obj["metadata"]?[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static long ResourceVersion(JsonObject obj) =>
        long.TryParse(Text(obj, "resourceVersion"), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;

    public static long Generation(JsonObject obj) =>
        obj["metadata"]?["generation"] is JsonValue value && JsonNumbers.TryAsLong(value, out var generation) ? generation : 0;

    public static bool IsDeleting(JsonObject obj) => obj["metadata"]?["deletionTimestamp"] is not null;

    public static IReadOnlyList<string> Finalizers(JsonObject obj) =>
        obj["metadata"]?["finalizers"] is JsonArray finalizers
            ? finalizers.Select(item => item?.GetValue<string>() ?? "").ToList()
            : [];

    public static IReadOnlyDictionary<string, string> Labels(JsonObject obj) =>
        obj["metadata"]?["labels"] is JsonObject labels
            ? labels.ToDictionary(pair => pair.Key, pair => pair.Value?.GetValue<string>() ?? "")
            : new Dictionary<string, string>();
}
