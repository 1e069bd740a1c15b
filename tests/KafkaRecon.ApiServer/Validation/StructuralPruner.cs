using System.Text.Json.Nodes;

namespace KafkaRecon.ApiServer.Validation;

/// <summary>
/// Removes fields the schema does not declare (the API server prunes them; <c>fieldValidation=Strict</c> turns them
/// into an error instead) and nulls of non-nullable fields (the server drops them before defaulting).
/// </summary>
internal static class StructuralPruner
{
    private static readonly HashSet<string> RootFieldsAlwaysKept = ["apiVersion", "kind", "metadata"];

    /// <returns>The paths of unknown fields that were removed.</returns>
    public static IReadOnlyList<string> Prune(JsonObject root, JsonObject schema)
    {
        var unknown = new List<string>();
        PruneObject(root, schema, "", unknown, isRoot: true);
        return unknown;
    }

    private static void PruneNode(JsonNode? node, JsonObject schema, string path, List<string> unknown)
    {
        switch (node)
        {
            case JsonObject obj:
                PruneObject(obj, schema, path, unknown, isRoot: false);
                break;
            case JsonArray array when Schema.Items(schema) is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    PruneNode(array[i], items, $"{path}[{i}]", unknown);
                }

                break;
        }
    }

    private static void PruneObject(JsonObject obj, JsonObject schema, string path, List<string> unknown, bool isRoot)
    {
        var preserve = Schema.PreservesUnknownFields(schema);
        foreach (var name in obj.Select(pair => pair.Key).ToList())
        {
            if (isRoot && RootFieldsAlwaysKept.Contains(name))
            {
                continue;
            }

            var memberSchema = Schema.Member(schema, name);
            if (memberSchema is null)
            {
                if (!preserve)
                {
                    obj.Remove(name);
                    unknown.Add(Schema.Child(path, name));
                }

                continue;
            }

            var value = obj[name];
            if (value is null && !Schema.Nullable(memberSchema))
            {
                obj.Remove(name);
                continue;
            }

            PruneNode(value, memberSchema, Schema.Child(path, name), unknown);
        }
    }
}
