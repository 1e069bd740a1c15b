using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KafkaRecon.ApiServer.Http;
using KafkaRecon.ApiServer.Json;
using KafkaRecon.ApiServer.Validation.Cel;

namespace KafkaRecon.ApiServer.Validation;

/// <summary>
/// Validates an object against a structural OpenAPI v3 schema with the API server's wording: type, format date-time,
/// required, enum, pattern, minimum/maximum, min/maxLength, min/maxItems, list-map key uniqueness and the CEL rules
/// in <c>x-kubernetes-validations</c>. Runs after pruning and defaulting.
/// </summary>
internal sealed class SchemaValidator(CelRuleSet rules)
{
    public IReadOnlyList<FieldCause> Validate(JsonObject root, JsonObject schema)
    {
        var causes = new List<FieldCause>();
        foreach (var (name, child) in root)
        {
            if (name is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }

            if (Schema.Member(schema, name) is { } childSchema)
            {
                ValidateNode(child, childSchema, name, causes);
            }
        }

        ValidateRequired(root, schema, "", causes);
        return causes;
    }

    private void ValidateNode(JsonNode? node, JsonObject schema, string path, List<FieldCause> causes)
    {
        if (node is null)
        {
            if (!Schema.Nullable(schema))
            {
                causes.Add(TypeInvalid(path, "null", Schema.Type(schema) ?? "object"));
            }

            return;
        }

        if (!HasExpectedType(node, schema, path, causes))
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (Schema.Member(schema, name) is { } childSchema)
                    {
                        ValidateNode(child, childSchema, Schema.Child(path, name), causes);
                    }
                }

                ValidateRequired(obj, schema, path, causes);
                break;
            case JsonArray array:
                ValidateArray(array, schema, path, causes);
                break;
            case JsonValue value:
                ValidateScalar(value, schema, path, causes);
                break;
        }

        // Like the API server, rules only run on values that passed the schema checks.
        if (!causes.Any(cause => IsAtOrBelow(cause.Field, path)))
        {
            causes.AddRange(rules.Evaluate(node, schema, path));
        }
    }

    private static bool IsAtOrBelow(string field, string path) =>
        field == path || field.StartsWith(path + ".", StringComparison.Ordinal) || field.StartsWith(path + "[", StringComparison.Ordinal);

    private static bool HasExpectedType(JsonNode node, JsonObject schema, string path, List<FieldCause> causes)
    {
        var expected = Schema.Type(schema);
        var actual = JsonTypeName(node);
        var ok = Schema.IsIntOrString(schema)
            ? actual is "integer" or "string"
            : expected switch
            {
                null => true,
                "number" => actual is "number" or "integer",
                _ => expected == actual,
            };
        if (!ok)
        {
            causes.Add(TypeInvalid(path, actual, Schema.IsIntOrString(schema) ? "integer or string" : expected!));
        }

        return ok;
    }

    private static void ValidateRequired(JsonObject obj, JsonObject schema, string path, List<FieldCause> causes)
    {
        foreach (var name in Schema.Required(schema))
        {
            if (!obj.ContainsKey(name))
            {
                causes.Add(new FieldCause("FieldValueRequired", Schema.Child(path, name), "Required value"));
            }
        }
    }

    private void ValidateArray(JsonArray array, JsonObject schema, string path, List<FieldCause> causes)
    {
        if (schema["minItems"] is JsonValue minItems && array.Count < JsonNumbers.AsLong(minItems))
        {
            causes.Add(new FieldCause("FieldValueInvalid", path,
                $"Invalid value: {array.Count}: {path} in body should have at least {minItems} items"));
        }

        if (schema["maxItems"] is JsonValue maxItems && array.Count > JsonNumbers.AsLong(maxItems))
        {
            causes.Add(new FieldCause("FieldValueTooMany", path, $"Too many: {array.Count}: must have at most {maxItems} items"));
        }

        if (Schema.Items(schema) is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                ValidateNode(array[i], items, $"{path}[{i}]", causes);
            }
        }

        ValidateListUniqueness(array, schema, path, causes);
    }

    private static void ValidateListUniqueness(JsonArray array, JsonObject schema, string path, List<FieldCause> causes)
    {
        var listType = schema["x-kubernetes-list-type"]?.GetValue<string>();
        var keys = schema["x-kubernetes-list-map-keys"] is JsonArray keyArray
            ? keyArray.Select(key => key!.GetValue<string>()).ToList()
            : [];
        if (listType is not ("map" or "set"))
        {
            return;
        }

        var seen = new HashSet<string>();
        for (var i = 0; i < array.Count; i++)
        {
            var identity = listType == "map" && array[i] is JsonObject item
                ? string.Join("\u0001", keys.Select(key => item[key]?.ToJsonString() ?? "null"))
                : array[i]?.ToJsonString() ?? "null";
            if (!seen.Add(identity))
            {
                var shown = listType == "map" && array[i] is JsonObject duplicate
                    ? "map[string]interface {}{" + string.Join(", ", keys.Select(key => $"\"{key}\":{duplicate[key]?.ToJsonString() ?? "null"}")) + "}"
                    : array[i]?.ToJsonString() ?? "null";
                causes.Add(new FieldCause("FieldValueDuplicate", $"{path}[{i}]", $"Duplicate value: {shown}"));
            }
        }
    }

    private static void ValidateScalar(JsonValue value, JsonObject schema, string path, List<FieldCause> causes)
    {
        if (schema["enum"] is JsonArray allowed && !allowed.Any(option => JsonNode.DeepEquals(option, value)))
        {
            var supported = string.Join(", ", allowed.Select(option => option?.ToJsonString() ?? "null"));
            causes.Add(new FieldCause("FieldValueNotSupported", path, $"Unsupported value: {value.ToJsonString()}: supported values: {supported}"));
        }

        if (value.GetValueKind() == JsonValueKind.String)
        {
            ValidateString(value.GetValue<string>(), schema, path, causes);
        }
        else if (value.GetValueKind() == JsonValueKind.Number)
        {
            ValidateNumber(JsonNumbers.AsDouble(value), value.ToJsonString(), schema, path, causes);
        }
    }

    private static void ValidateString(string text, JsonObject schema, string path, List<FieldCause> causes)
    {
        var shown = JsonSerializer.Serialize(text);
        if (Schema.Format(schema) == "date-time" && !RfcTimestamp.TryParse(text, out _))
        {
            causes.Add(new FieldCause("FieldValueInvalid", path, $"Invalid value: {shown}: {path} in body must be of type date-time: {shown}"));
        }

        var length = text.EnumerateRunes().Count();
        if (schema["minLength"] is JsonValue minLength && length < JsonNumbers.AsLong(minLength))
        {
            causes.Add(new FieldCause("FieldValueInvalid", path, $"Invalid value: {shown}: {path} in body should be at least {minLength} chars long"));
        }

        if (schema["maxLength"] is JsonValue maxLength && length > JsonNumbers.AsLong(maxLength))
        {
            causes.Add(new FieldCause("FieldValueTooLong", path, $"Too long: may not be more than {maxLength} bytes"));
        }

        if (schema["pattern"]?.GetValue<string>() is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            causes.Add(new FieldCause("FieldValueInvalid", path, $"Invalid value: {shown}: {path} in body should match '{pattern}'"));
        }
    }

    private static void ValidateNumber(double number, string shown, JsonObject schema, string path, List<FieldCause> causes)
    {
        if (Schema.Type(schema) == "integer" && Math.Floor(number) != number)
        {
            causes.Add(TypeInvalid(path, "number", "integer"));
        }

        if (schema["minimum"] is JsonValue minimum)
        {
            var exclusive = Schema.Flag(schema, "exclusiveMinimum");
            var bound = JsonNumbers.AsDouble(minimum);
            if (exclusive ? number <= bound : number < bound)
            {
                causes.Add(new FieldCause("FieldValueInvalid", path,
                    $"Invalid value: {shown}: {path} in body should be greater than {(exclusive ? "" : "or equal to ")}{Number(bound)}"));
            }
        }

        if (schema["maximum"] is JsonValue maximum)
        {
            var exclusive = Schema.Flag(schema, "exclusiveMaximum");
            var bound = JsonNumbers.AsDouble(maximum);
            if (exclusive ? number >= bound : number > bound)
            {
                causes.Add(new FieldCause("FieldValueInvalid", path,
                    $"Invalid value: {shown}: {path} in body should be less than {(exclusive ? "" : "or equal to ")}{Number(bound)}"));
            }
        }
    }

    private static FieldCause TypeInvalid(string path, string actual, string expected) =>
        new("FieldValueTypeInvalid", path, $"Invalid value: \"{actual}\": {path} in body must be of type {expected}: \"{actual}\"");

    private static string Number(double value) => value.ToString("0.################", CultureInfo.InvariantCulture);

    internal static string JsonTypeName(JsonNode node) => node switch
    {
        JsonObject => "object",
        JsonArray => "array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => IsIntegral(value) ? "integer" : "number",
            _ => "null",
        },
        _ => "null",
    };

    private static bool IsIntegral(JsonValue value) =>
        JsonNumbers.TryAsLong(value, out _);
}
