using System.Text.Json.Nodes;

namespace KafkaRecon.ApiServer.Validation;

/// <summary>Read-only accessors over one OpenAPI v3 schema node of a structural CRD schema.</summary>
internal static class Schema
{
    public static string? Type(JsonObject schema) => schema["type"]?.GetValue<string>();

    public static string? Format(JsonObject schema) => schema["format"]?.GetValue<string>();

    public static bool Flag(JsonObject schema, string name) => schema[name] is JsonValue value && value.GetValue<bool>();

    public static bool Nullable(JsonObject schema) => Flag(schema, "nullable");

    public static bool PreservesUnknownFields(JsonObject schema) => Flag(schema, "x-kubernetes-preserve-unknown-fields");

    public static bool IsIntOrString(JsonObject schema) => Flag(schema, "x-kubernetes-int-or-string");

    public static JsonObject? Properties(JsonObject schema) => schema["properties"] as JsonObject;

    public static JsonObject? Items(JsonObject schema) => schema["items"] as JsonObject;

    /// <summary>The schema of a map's values (<c>additionalProperties</c> as a schema object), if this is a map.</summary>
    public static JsonObject? MapValues(JsonObject schema) => schema["additionalProperties"] as JsonObject;

    /// <summary>The schema of one member of an object: a declared property or a map value.</summary>
    public static JsonObject? Member(JsonObject schema, string name) =>
        Properties(schema)?[name] as JsonObject ?? MapValues(schema);

    public static IEnumerable<string> Required(JsonObject schema) =>
        schema["required"] is JsonArray required ? required.Select(item => item!.GetValue<string>()) : [];

    public static JsonArray? Validations(JsonObject schema) => schema["x-kubernetes-validations"] as JsonArray;

    public static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
