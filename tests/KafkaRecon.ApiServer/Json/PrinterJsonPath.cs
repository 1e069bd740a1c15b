using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace KafkaRecon.ApiServer.Json;

/// <summary>
/// The "simple JSON path" of CRD printer columns: <c>.a.b</c>, <c>.a[0]</c>, <c>.a['key']</c> and
/// <c>.a[?(@.type=="Ready")].status</c>; the first match is the cell.
/// </summary>
internal static partial class PrinterJsonPath
{
    public static JsonNode? First(JsonNode? root, string path)
    {
        var text = path.Trim();
        if (text.StartsWith('{') && text.EndsWith('}'))
        {
            text = text[1..^1];
        }

        var current = root;
        foreach (Match step in Step().Matches(text))
        {
            current = step switch
            {
                _ when step.Groups["field"].Success => (current as JsonObject)?[step.Groups["field"].Value],
                _ when step.Groups["key"].Success => (current as JsonObject)?[step.Groups["key"].Value],
                _ when step.Groups["index"].Success => current is JsonArray array && int.Parse(step.Groups["index"].Value) is var i && i < array.Count ? array[i] : null,
                _ when step.Groups["filterField"].Success => (current as JsonArray)?.FirstOrDefault(item =>
                    (item as JsonObject)?[step.Groups["filterField"].Value] is JsonValue value && value.ToString() == step.Groups["filterValue"].Value),
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    [GeneratedRegex("""\.(?<field>[A-Za-z0-9_-]+)|\[['"](?<key>[^'"]+)['"]\]|\[(?<index>\d+)\]|\[\?\(@\.(?<filterField>[A-Za-z0-9_]+)\s*==\s*['"](?<filterValue>[^'"]*)['"]\)\]""")]
    private static partial Regex Step();
}
