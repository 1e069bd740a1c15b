using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s.Models;

namespace KafkaRecon.Tests.Crd;

/// <summary>One field the schema rejects, worded like the API server's 422 causes.</summary>
internal sealed record SchemaViolation(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>
/// Checks an object against a CRD's structural schema the way the API server does for the keywords our CRD uses.
/// Nulls count as absent (the server prunes nulls of non-nullable fields); unknown fields are errors, as with kubectl's
/// default strict field validation. CEL rules are not evaluated here (tests/deploy/validate.sh evaluates them).
/// </summary>
internal static class StructuralSchemaValidator
{
    public static IReadOnlyList<SchemaViolation> Validate(JsonNode? value, V1JSONSchemaProps schema)
    {
        var violations = new List<SchemaViolation>();
        Check(value, schema, "", violations);
        return violations;
    }

    private static void Check(JsonNode? value, V1JSONSchemaProps schema, string path, List<SchemaViolation> violations)
    {
        if (value is null)
        {
            return;
        }
        var kind = value.GetValueKind();
        if (!MatchesType(kind, value, schema.Type))
        {
            violations.Add(new(path, $"Invalid value: \"{kind.ToString().ToLowerInvariant()}\": {path} in body must be of type {schema.Type}: \"{Show(value)}\""));
            return;
        }
        switch (schema.Type)
        {
            case "object":
                CheckObject(value.AsObject(), schema, path, violations);
                break;
            case "array":
                CheckArray(value.AsArray(), schema, path, violations);
                break;
            case "string":
                CheckString(value.GetValue<string>(), schema, path, violations);
                break;
            case "integer" or "number":
                CheckNumber(Number(value), schema, path, violations);
                break;
        }
        if (schema.EnumProperty is { Count: > 0 } allowed
            && !allowed.Any(option => string.Equals(option?.ToString(), ScalarText(value), StringComparison.Ordinal)))
        {
            var options = string.Join(", ", allowed.Select(option => $"\"{option}\""));
            violations.Add(new(path, $"Unsupported value: {Show(value)}: supported values: {options}"));
        }
    }

    private static void CheckObject(JsonObject value, V1JSONSchemaProps schema, string path, List<SchemaViolation> violations)
    {
        foreach (var required in schema.Required ?? [])
        {
            if (value[required] is null)
            {
                violations.Add(new(Join(path, required), "Required value"));
            }
        }
        foreach (var (name, child) in value)
        {
            var childPath = Join(path, name);
            if (path.Length == 0 && name == "metadata")
            {
                continue; // The API server validates ObjectMeta itself; a CRD may only declare it an object.
            }
            if (schema.Properties?.TryGetValue(name, out var childSchema) == true)
            {
                Check(child, childSchema, childPath, violations);
            }
            else if (schema.AdditionalProperties is V1JSONSchemaProps valueSchema)
            {
                Check(child, valueSchema, childPath, violations);
            }
            else if (schema.XKubernetesPreserveUnknownFields != true && !(path.Length == 0 && IsObjectMetaField(name)))
            {
                violations.Add(new(childPath, "unknown field"));
            }
        }
    }

    private static void CheckArray(JsonArray value, V1JSONSchemaProps schema, string path, List<SchemaViolation> violations)
    {
        if (schema.MinItems is { } minItems && value.Count < minItems)
        {
            violations.Add(new(path, $"Invalid value: {value.Count}: {path} in body should have at least {minItems} items"));
        }
        if (schema.MaxItems is { } maxItems && value.Count > maxItems)
        {
            violations.Add(new(path, $"Too many: {value.Count}: must have at most {maxItems} items"));
        }
        for (var index = 0; index < value.Count; index++)
        {
            Check(value[index], schema.Items as V1JSONSchemaProps ?? new V1JSONSchemaProps(), $"{path}[{index}]", violations);
        }
        if (schema.XKubernetesListType == "set")
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var index = 0; index < value.Count; index++)
            {
                if (!seen.Add(value[index]?.ToJsonString() ?? "null"))
                {
                    violations.Add(new($"{path}[{index}]", $"Duplicate value: {value[index]?.ToJsonString()}"));
                }
            }
        }
        if (schema.XKubernetesListType == "map" && schema.XKubernetesListMapKeys is { Count: > 0 } keys)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var index = 0; index < value.Count; index++)
            {
                var key = string.Join("/", keys.Select(k => value[index]?[k]?.ToJsonString() ?? ""));
                if (!seen.Add(key))
                {
                    violations.Add(new($"{path}[{index}]", $"Duplicate value: {key}"));
                }
            }
        }
    }

    private static void CheckString(string text, V1JSONSchemaProps schema, string path, List<SchemaViolation> violations)
    {
        if (schema.MinLength is { } minLength && text.Length < minLength)
        {
            violations.Add(new(path, $"Invalid value: \"{text}\": {path} in body should be at least {minLength} chars long"));
        }
        if (schema.MaxLength is { } maxLength && text.Length > maxLength)
        {
            violations.Add(new(path, $"Too long: may not be more than {maxLength} bytes"));
        }
        if (schema.Pattern is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            violations.Add(new(path, $"Invalid value: \"{text}\": {path} in body should match '{pattern}'"));
        }
        if (schema.Format == "date-time"
            && !DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFFFK"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            violations.Add(new(path, $"Invalid value: \"{text}\": {path} in body must be of type date-time: \"{text}\""));
        }
    }

    private static void CheckNumber(double number, V1JSONSchemaProps schema, string path, List<SchemaViolation> violations)
    {
        if (schema.Minimum is { } minimum && number < minimum)
        {
            violations.Add(new(path, $"Invalid value: {number}: {path} in body should be greater than or equal to {minimum}"));
        }
        if (schema.Maximum is { } maximum && number > maximum)
        {
            violations.Add(new(path, $"Invalid value: {number}: {path} in body should be less than or equal to {maximum}"));
        }
    }

    private static bool MatchesType(JsonValueKind kind, JsonNode value, string? type) => type switch
    {
        "object" => kind == JsonValueKind.Object,
        "array" => kind == JsonValueKind.Array,
        "string" => kind == JsonValueKind.String,
        "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
        "number" => kind == JsonValueKind.Number,
        "integer" => kind == JsonValueKind.Number && Math.Floor(Number(value)) == Number(value),
        _ => true,
    };

    private static double Number(JsonNode value) => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);

    private static bool IsObjectMetaField(string name) => name is "apiVersion" or "kind" or "metadata";

    private static string ScalarText(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();

    private static string Show(JsonNode value) => ScalarText(value);

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
