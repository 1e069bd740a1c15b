using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Entities.Validation;
using KafkaRecon.Operator.Yaml;

namespace KafkaRecon.Operator.Cli;

/// <summary>Reads a <c>KafkaReconciliation</c> from a YAML or JSON file, rejecting unknown fields by name.</summary>
internal static class ResourceFile
{
    private static readonly JsonSerializerOptions Strict = CreateOptions();

    public static KafkaReconciliation Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidResourceException($"--file: '{path}' does not exist");
        }
        if (new FileInfo(path).Length > YamlJson.MaxDocumentBytes)
        {
            throw new InvalidResourceException(
                $"{path}: is {new FileInfo(path).Length:N0} bytes; a resource is at most {YamlJson.MaxDocumentBytes / (1024 * 1024)} MiB");
        }
        return Parse(File.ReadAllText(path), path);
    }

    public static KafkaReconciliation Parse(string text, string source)
    {
        JsonNode? document;
        try
        {
            document = text.TrimStart().StartsWith('{') ? JsonNode.Parse(text) : YamlJson.Read(text);
        }
        catch (JsonException e)
        {
            throw new InvalidResourceException($"{source}: not valid JSON: {e.Message}");
        }
        catch (FormatException e)
        {
            throw new InvalidResourceException($"{source}: {e.Message}");
        }
        if (document is not JsonObject root)
        {
            throw new InvalidResourceException($"{source}: expected a KafkaReconciliation object");
        }
        Require(root, "apiVersion", KafkaReconciliation.GroupVersion, source);
        Require(root, "kind", KafkaReconciliation.EntityKind, source);
        root.Remove("status");
        if (WindowZoneRule.Check(root) is { Count: > 0 } zoneErrors)
        {
            throw new InvalidResourceException(string.Join(Environment.NewLine, zoneErrors.Select(e => $"{source}: {e}")));
        }
        try
        {
            return root.Deserialize<KafkaReconciliation>(Strict)
                   ?? throw new InvalidResourceException($"{source}: empty resource");
        }
        catch (JsonException e)
        {
            throw new InvalidResourceException($"{source}: {Describe(e)}");
        }
    }

    private static void Require(JsonObject root, string field, string expected, string source)
    {
        var actual = root[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : root[field]?.ToJsonString();
        if (actual != expected)
        {
            throw new InvalidResourceException($"{source}: {field} is '{actual}'; expected '{expected}'");
        }
    }

    private static string Describe(JsonException e)
    {
        var path = (e.Path ?? "$").TrimStart('$').TrimStart('.');
        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var field = e.Message.Split('\'').ElementAtOrDefault(1) ?? "?";
            var parent = path.Contains('.') ? path[..path.LastIndexOf('.')] : "";
            return $"{(parent.Length > 0 ? parent + "." : "")}{field}: unknown field";
        }
        var reason = e.InnerException?.Message ?? e.Message.Split(" Path:")[0];
        return $"{path}: invalid value ({reason})";
    }

    private static JsonSerializerOptions CreateOptions()
    {
        // Start from the client's own options (its date, quantity and enum converters), then be strict.
        JsonSerializerOptions? kubernetes = null;
        KubernetesJson.AddJsonOptions(options => kubernetes = options);
        return new JsonSerializerOptions(kubernetes!)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.Strict,
        };
    }
}

/// <summary>The resource file or its spec is wrong; the message names the field.</summary>
internal sealed class InvalidResourceException(string message) : Exception(message);
