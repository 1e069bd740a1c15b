using System.Text.Json;
using System.Text.Json.Nodes;
using KafkaRecon.ApiServer.Json;

namespace KafkaRecon.ApiServer.Validation.Cel;

/// <summary>
/// Evaluates a <see cref="CelNode"/> with <c>self</c> bound to a value and typed by its schema, as Kubernetes does:
/// strings with <c>format: date-time</c> are timestamps, so <c>self.end &gt; self.start</c> compares instants.
/// </summary>
internal static class CelEvaluator
{
    public static object? Evaluate(CelNode node, JsonNode? self, JsonObject selfSchema) => node switch
    {
        CelNode.Literal literal => literal.Value,
        CelNode.Select select => Resolve(select.Fields, self, selfSchema, out _),
        CelNode.Has has => Has(has.Target, self, selfSchema),
        CelNode.Not not => !AsBool(Evaluate(not.Operand, self, selfSchema)),
        CelNode.Binary { Operator: "&&" } both => AsBool(Evaluate(both.Left, self, selfSchema)) && AsBool(Evaluate(both.Right, self, selfSchema)),
        CelNode.Binary { Operator: "||" } either => AsBool(Evaluate(either.Left, self, selfSchema)) || AsBool(Evaluate(either.Right, self, selfSchema)),
        CelNode.Binary binary => Compare(binary.Operator, Evaluate(binary.Left, self, selfSchema), Evaluate(binary.Right, self, selfSchema)),
        CelNode.Call call => Invoke(call.Function, Evaluate(call.Arguments[0], self, selfSchema)),
        _ => throw new CelEvaluationException($"unsupported expression {node}"),
    };

    private static object? Resolve(IReadOnlyList<string> fields, JsonNode? node, JsonObject schema, out bool present)
    {
        present = true;
        var current = node;
        var currentSchema = schema;
        foreach (var field in fields)
        {
            if (current is not JsonObject obj || !obj.TryGetPropertyValue(field, out var child))
            {
                present = false;
                throw new CelEvaluationException($"no such key: {field}");
            }

            current = child;
            currentSchema = Schema.Member(currentSchema, field) ?? new JsonObject();
        }

        return Typed(current, currentSchema);
    }

    private static bool Has(CelNode.Select target, JsonNode? self, JsonObject schema)
    {
        var parentFields = target.Fields.Take(target.Fields.Count - 1).ToList();
        var parent = parentFields.Count == 0 ? self : JsonOf(Resolve(parentFields, self, schema, out _));
        return parent is JsonObject obj && obj.ContainsKey(target.Fields[^1]);
    }

    private static JsonNode? JsonOf(object? value) => value as JsonNode;

    /// <remarks>Every arm is cast to object: JsonNode's implicit conversions would otherwise turn the values back into JSON.</remarks>
    private static object? Typed(JsonNode? node, JsonObject schema)
    {
        if (node is not JsonValue value)
        {
            return node;
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.String when Schema.Format(schema) == "date-time":
                return RfcTimestamp.TryParse(value.GetValue<string>(), out var instant)
                    ? instant
                    : throw new CelEvaluationException($"invalid timestamp \"{value.GetValue<string>()}\"");
            case JsonValueKind.String:
                return value.GetValue<string>();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number when JsonNumbers.TryAsLong(value, out var integer):
                return integer;
            case JsonValueKind.Number:
                return JsonNumbers.AsDouble(value);
            default:
                return null;
        }
    }

    private static object? Invoke(string function, object? argument) => (function, argument) switch
    {
        ("timestamp", DateTimeOffset instant) => (object)instant,
        ("timestamp", string text) => RfcTimestamp.TryParse(text, out var parsed)
            ? (object)parsed
            : throw new CelEvaluationException($"timestamp() cannot parse \"{text}\""),
        ("size", string text) => (long)text.Length,
        ("size", JsonArray array) => (long)array.Count,
        ("size", JsonObject obj) => (long)obj.Count,
        _ => throw new CelEvaluationException($"found no matching overload for '{function}' applied to '{TypeName(argument)}'"),
    };

    private static bool Compare(string op, object? left, object? right)
    {
        if (op is "==" or "!=")
        {
            var equal = Order(left, right, op) == 0;
            return op == "==" ? equal : !equal;
        }

        var order = Order(left, right, op);
        return op switch
        {
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            ">=" => order >= 0,
            _ => throw new CelEvaluationException($"unsupported operator {op}"),
        };
    }

    private static int Order(object? left, object? right, string op) => (left, right) switch
    {
        (null, null) => 0,
        (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        (long a, long b) => a.CompareTo(b),
        (long a, double b) => ((double)a).CompareTo(b),
        (double a, long b) => a.CompareTo(b),
        (double a, double b) => a.CompareTo(b),
        (bool a, bool b) when op is "==" or "!=" => a.CompareTo(b),
        _ => throw new CelEvaluationException(
            $"found no matching overload for '_{op}_' applied to '({TypeName(left)}, {TypeName(right)})'"),
    };

    private static bool AsBool(object? value) =>
        value is bool result ? result : throw new CelEvaluationException($"expected a bool, found {TypeName(value)}");

    private static string TypeName(object? value) => value switch
    {
        null => "null_type",
        DateTimeOffset => "google.protobuf.Timestamp",
        string => "string",
        long => "int",
        double => "double",
        bool => "bool",
        JsonArray => "list",
        _ => "map",
    };
}
