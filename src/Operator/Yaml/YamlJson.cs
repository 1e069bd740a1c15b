using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace KafkaRecon.Operator.Yaml;

/// <summary>
/// The one YAML reader (and writer) of resources, used by <c>run -f</c> and by <c>create</c>'s templates. YAML 1.2
/// core-schema scalars: plain <c>true</c>, <c>12</c>, <c>1.5</c>, <c>null</c> become JSON booleans, numbers and null;
/// quoted scalars stay strings, so the resource's own JSON names and enum spellings apply unchanged. A duplicate key
/// is an error, not a silent overwrite. Hostile input is bounded: at most <see cref="MaxDocumentBytes"/>,
/// <see cref="MaxAliases"/> aliases and <see cref="MaxNodes"/> nodes once aliases are expanded (a 539-byte alias
/// bomb would otherwise expand to hundreds of millions of nodes).
/// </summary>
internal static partial class YamlJson
{
    public const int MaxDocumentBytes = 1024 * 1024;
    public const int MaxAliases = 64;
    public const int MaxNodes = 100_000;

    /// <summary>The one document in <paramref name="yaml"/> as JSON; null when there is none.</summary>
    /// <exception cref="FormatException">Not YAML, more than one document, or beyond a limit; the message says where.</exception>
    public static JsonNode? Read(string yaml)
    {
        if (yaml.Length > MaxDocumentBytes)
        {
            throw new FormatException(
                $"is {yaml.Length:N0} characters long; a resource is at most {MaxDocumentBytes / (1024 * 1024)} MiB");
        }
        var stream = new YamlStream();
        try
        {
            CountAliases(yaml);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException($"is not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}", e);
        }
        return stream.Documents.Count switch
        {
            0 => null,
            1 => new Converter().Convert(stream.Documents[0].RootNode),
            var n => throw new FormatException($"holds {n} YAML documents; expected exactly one"),
        };
    }

    public static string Write(JsonNode node)
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

    private static void CountAliases(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var aliases = 0;
        while (parser.MoveNext())
        {
            if (parser.Current is AnchorAlias alias && ++aliases > MaxAliases)
            {
                throw new FormatException(
                    $"uses more than {MaxAliases} YAML aliases (line {alias.Start.Line}); a resource needs none");
            }
        }
    }

    /// <summary>One conversion, counting every node it produces so expanded aliases cannot exhaust memory.</summary>
    private sealed class Converter
    {
        private int nodes;

        public JsonNode? Convert(YamlNode node)
        {
            if (++nodes > MaxNodes)
            {
                throw new FormatException(
                    $"expands to more than {MaxNodes:N0} values (nested YAML aliases?) at line {node.Start.Line}");
            }
            return node switch
            {
                YamlMappingNode mapping => Mapping(mapping),
                YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
                YamlScalarNode scalar => Scalar(scalar),
                _ => throw new FormatException($"has an unsupported YAML node at line {node.Start.Line}"),
            };
        }

        private JsonObject Mapping(YamlMappingNode mapping)
        {
            var result = new JsonObject();
            foreach (var (key, value) in mapping.Children)
            {
                if (key is not YamlScalarNode { Value: var text })
                {
                    throw new FormatException($"has a {key.NodeType} as a mapping key at line {key.Start.Line}; keys must be plain text");
                }
                result[text ?? ""] = Convert(value); // YamlStream has already refused duplicate keys
            }
            return result;
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
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
