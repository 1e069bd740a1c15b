using System.Text.Json.Nodes;
using KafkaRecon.ApiServer.Resources;

namespace KafkaRecon.ApiServer.Http;

/// <summary>
/// Field selector (<c>f=v</c>, <c>f==v</c>, <c>f!=v</c>, comma-joined). Custom resources support only
/// <c>metadata.name</c> and <c>metadata.namespace</c>, as on a real server; built-ins accept any dotted path.
/// </summary>
internal sealed class FieldSelector
{
    private readonly List<(string[] Path, string Value, bool Negate)> _terms = [];

    public static FieldSelector Parse(string? text, ResourceType type)
    {
        var selector = new FieldSelector();
        foreach (var term in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var negate = term.Contains("!=", StringComparison.Ordinal);
            var parts = term.Split(negate ? "!=" : term.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            if (parts.Length != 2)
            {
                throw ApiError.BadRequest($"invalid field selector: '{term}'");
            }

            var field = parts[0].Trim();
            if (type.IsCustom && field is not ("metadata.name" or "metadata.namespace"))
            {
                throw ApiError.BadRequest($"field label not supported: {field}");
            }

            selector._terms.Add((field.Split('.'), parts[1].Trim(), negate));
        }

        return selector;
    }

    public bool Matches(JsonObject obj) => _terms.All(term =>
    {
        JsonNode? node = obj;
        foreach (var step in term.Path)
        {
            node = node is JsonObject parent ? parent[step] : null;
        }

        var actual = node is JsonValue value ? value.ToString() : "";
        return term.Negate ? actual != term.Value : actual == term.Value;
    });
}
