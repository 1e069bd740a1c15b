using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace KafkaRecon.Operator.Scheduling;

/// <summary>
/// YAML to JSON and back with YAML 1.2 core-schema scalars, so a template keeps its numbers and booleans and the
/// resource's own JSON names and enum spellings apply unchanged (the JSON serializer reads the attributes).
/// </summary>
internal static partial class YamlJsonConversion
{
    public static JsonNode? ToJson(string yaml, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ScheduleInputException($"{sourceName} is not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
        }
        return stream.Documents.Count switch
        {
            0 => throw new ScheduleInputException($"{sourceName} is empty; expected one KafkaReconciliation document."),
            1 => ConvertDocument(stream.Documents[0].RootNode, sourceName),
            var n => throw new ScheduleInputException($"{sourceName} holds {n} YAML documents; expected exactly one KafkaReconciliation."),
        };
    }

    public static string ToYaml(JsonNode node)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(writer);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(emitter, node);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair =>
            KeyValuePair.Create(KeyText(pair.Key), Convert(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new ScheduleInputException($"Unsupported YAML node at line {node.Start.Line}."),
    };

    private static JsonNode? ConvertDocument(YamlNode root, string sourceName)
    {
        try
        {
            return Convert(root);
        }
        catch (ScheduleInputException e)
        {
            throw new ScheduleInputException($"{sourceName}: {e.Message}");
        }
    }

    private static string KeyText(YamlNode key) => key is YamlScalarNode scalar
        ? scalar.Value ?? ""
        : throw new ScheduleInputException($"Mapping keys must be plain text; found a {key.NodeType} key at line {key.Start.Line}.");

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(text);
        }
        if (IsNull(text))
        {
            return null;
        }
        if (BoolLiteral().IsMatch(text))
        {
            return JsonValue.Create(text.Equals("true", StringComparison.OrdinalIgnoreCase));
        }
        if (IntLiteral().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }
        if (FloatLiteral().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }
        return JsonValue.Create(text);
    }

    private static bool IsNull(string text) => text is "" or "~" or "null" or "Null" or "NULL";

    private static bool NeedsQuotes(string text) =>
        text.Length == 0 || IsNull(text) || BoolLiteral().IsMatch(text) || IntLiteral().IsMatch(text) ||
        FloatLiteral().IsMatch(text) || text != text.Trim() || text.IndexOfAny([':', '#', '\n', '"', '\'']) >= 0 ||
        "-?[]{},&*!|>%@`".Contains(text[0]);

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                emitter.Emit(new MappingStart(null, null, true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    EmitScalar(emitter, key, NeedsQuotes(key) ? ScalarStyle.DoubleQuoted : ScalarStyle.Plain);
                    Emit(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    Emit(emitter, item);
                }
                emitter.Emit(new SequenceEnd());
                break;
            case null:
                EmitScalar(emitter, "null", ScalarStyle.Plain);
                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                EmitScalar(emitter, text, NeedsQuotes(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Plain);
                break;
            default:
                EmitScalar(emitter, node.ToJsonString(), ScalarStyle.Plain);
                break;
        }
    }

    private static void EmitScalar(IEmitter emitter, string value, ScalarStyle style) =>
        emitter.Emit(new Scalar(null, null, value, style, true, true));

    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE)$")]
    private static partial Regex BoolLiteral();

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntLiteral();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$")]
    private static partial Regex FloatLiteral();
}
