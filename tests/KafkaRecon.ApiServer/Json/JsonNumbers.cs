using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KafkaRecon.ApiServer.Json;

/// <summary>
/// Numbers read the same whatever backs a <see cref="JsonValue"/> (a parsed element, a long from YAML, a double):
/// <c>GetValue&lt;double&gt;()</c> on a long-backed value throws, so every numeric read goes through here.
/// </summary>
internal static class JsonNumbers
{
    public static bool IsNumber(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.Number;

    public static double AsDouble(JsonNode node) => double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static bool TryAsLong(JsonNode node, out long result) =>
        long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);

    public static long AsLong(JsonNode node) => TryAsLong(node, out var result) ? result : (long)AsDouble(node);
}
