using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KafkaRecon.Tests.Crd;

/// <summary>Reads YAML documents as JSON the way the API server sees them (YAML 1.2 core schema for plain scalars).</summary>
internal static partial class YamlJson
{
    public static IReadOnlyList<JsonNode?> ReadAll(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(document => ToJson(document.RootNode)).ToList();
    }

    public static JsonNode? ReadSingle(string yaml) => ReadAll(yaml).Single();

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(entry =>
            KeyValuePair.Create(((YamlScalarNode)entry.Key).Value ?? "", ToJson(entry.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException($"YAML node {node.GetType().Name} at {node.Start}"),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }
        if (text is "" or "~" or "null" or "Null" or "NULL") { return null; }
        if (text is "true" or "True" or "TRUE") { return JsonValue.Create(true); }
        if (text is "false" or "False" or "FALSE") { return JsonValue.Create(false); }
        if (IntegerPattern().IsMatch(text)) { return JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture)); }
        if (FloatPattern().IsMatch(text)) { return JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture)); }
        return JsonValue.Create(text);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
