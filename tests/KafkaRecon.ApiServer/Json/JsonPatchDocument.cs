using System.Text.Json.Nodes;

namespace KafkaRecon.ApiServer.Json;

/// <summary>RFC 6902 JSON patch (add, remove, replace, move, copy, test) over RFC 6901 pointers.</summary>
internal static class JsonPatchDocument
{
    public static JsonNode? Apply(JsonNode? document, JsonArray operations)
    {
        var root = document?.DeepClone();
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op || op["op"]?.GetValue<string>() is not { } name)
            {
                throw new JsonPatchException($"every operation needs an \"op\": {operation?.ToJsonString()}");
            }

            var path = Pointer(op, "path");
            root = name switch
            {
                "add" => Add(root, path, Value(op)),
                "remove" => Remove(root, path, out _),
                "replace" => Add(Remove(root, path, out _), path, Value(op)),
                "move" => Move(root, Pointer(op, "from"), path),
                "copy" => Add(root, path, Get(root, Pointer(op, "from"))?.DeepClone()),
                "test" => Test(root, path, Value(op)),
                _ => throw new JsonPatchException($"unsupported operation \"{name}\""),
            };
        }

        return root;
    }

    private static JsonNode? Move(JsonNode? root, IReadOnlyList<string> from, IReadOnlyList<string> path)
    {
        var afterRemove = Remove(root, from, out var moved);
        return Add(afterRemove, path, moved);
    }

    private static JsonNode? Test(JsonNode? root, IReadOnlyList<string> path, JsonNode? expected)
    {
        var actual = Get(root, path);
        return JsonNode.DeepEquals(actual, expected)
            ? root
            : throw new JsonPatchException(
                $"testing value /{string.Join('/', path)} failed: expected {expected?.ToJsonString() ?? "null"}, found {actual?.ToJsonString() ?? "null"}");
    }

    private static JsonNode? Value(JsonObject op) =>
        op.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw new JsonPatchException($"operation {op.ToJsonString()} needs a \"value\"");

    private static IReadOnlyList<string> Pointer(JsonObject op, string member)
    {
        var text = op[member]?.GetValue<string>() ?? throw new JsonPatchException($"operation {op.ToJsonString()} needs \"{member}\"");
        if (text.Length == 0)
        {
            return [];
        }

        if (text[0] != '/')
        {
            throw new JsonPatchException($"pointer \"{text}\" must start with '/'");
        }

        return text[1..].Split('/').Select(token => token.Replace("~1", "/").Replace("~0", "~")).ToList();
    }

    private static JsonNode? Get(JsonNode? root, IReadOnlyList<string> path)
    {
        var current = root;
        foreach (var token in path)
        {
            current = current switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray array when int.TryParse(token, out var index) && index >= 0 && index < array.Count => array[index],
                _ => throw new JsonPatchException($"path /{string.Join('/', path)} does not exist"),
            };
        }

        return current;
    }

    private static JsonNode? Add(JsonNode? root, IReadOnlyList<string> path, JsonNode? value)
    {
        if (path.Count == 0)
        {
            return value;
        }

        var parent = Get(root, path.Take(path.Count - 1).ToList());
        var last = path[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array when last == "-":
                array.Add(value);
                break;
            case JsonArray array when int.TryParse(last, out var index) && index >= 0 && index <= array.Count:
                array.Insert(index, value);
                break;
            default:
                throw new JsonPatchException($"cannot add at /{string.Join('/', path)}: parent is not an object or the index is out of range");
        }

        return root;
    }

    private static JsonNode? Remove(JsonNode? root, IReadOnlyList<string> path, out JsonNode? removed)
    {
        if (path.Count == 0)
        {
            removed = root;
            return null;
        }

        var parent = Get(root, path.Take(path.Count - 1).ToList());
        var last = path[^1];
        switch (parent)
        {
            case JsonObject obj when obj.TryGetPropertyValue(last, out var child):
                obj.Remove(last);
                removed = child;
                break;
            case JsonArray array when int.TryParse(last, out var index) && index >= 0 && index < array.Count:
                removed = array[index];
                array.RemoveAt(index);
                break;
            default:
                throw new JsonPatchException($"cannot remove /{string.Join('/', path)}: it does not exist");
        }

        return root;
    }
}
