using System.Text.Json.Nodes;
using KafkaRecon.ApiServer.Http;

namespace KafkaRecon.ApiServer.Validation.Cel;

/// <summary>Every <c>x-kubernetes-validations</c> rule of one schema, parsed once when the CRD is loaded.</summary>
internal sealed class CelRuleSet
{
    private readonly Dictionary<string, CelNode> _compiled = new(StringComparer.Ordinal);

    public CelRuleSet(JsonObject schema) => Compile(schema);

    public int Count => _compiled.Count;

    public IEnumerable<FieldCause> Evaluate(JsonNode? self, JsonObject schema, string path)
    {
        if (Schema.Validations(schema) is not { } validations)
        {
            yield break;
        }

        foreach (var validation in validations.OfType<JsonObject>())
        {
            var rule = validation["rule"]!.GetValue<string>();
            var field = validation["fieldPath"]?.GetValue<string>() is { } fieldPath ? path + fieldPath : path;
            var reason = validation["reason"]?.GetValue<string>() ?? "FieldValueInvalid";
            var shown = $"Invalid value: \"{SchemaValidator.JsonTypeName(self ?? JsonValue.Create(""))}\"";
            string? failure;
            try
            {
                failure = CelEvaluator.Evaluate(_compiled[rule], self, schema) is true
                    ? null
                    : validation["message"]?.GetValue<string>() ?? $"failed rule: {rule}";
            }
            catch (CelEvaluationException error)
            {
                failure = $"{error.Message} evaluating rule: {rule}";
            }

            if (failure is not null)
            {
                yield return new FieldCause(reason, field, $"{shown}: {failure}");
            }
        }
    }

    private void Compile(JsonObject schema)
    {
        foreach (var validation in Schema.Validations(schema)?.OfType<JsonObject>() ?? [])
        {
            var rule = validation["rule"]?.GetValue<string>()
                ?? throw new NotSupportedException("x-kubernetes-validations entry without a rule.");
            _compiled.TryAdd(rule, CelParser.Parse(rule));
        }

        foreach (var child in Children(schema))
        {
            Compile(child);
        }
    }

    private static IEnumerable<JsonObject> Children(JsonObject schema)
    {
        foreach (var (_, property) in Schema.Properties(schema) ?? [])
        {
            if (property is JsonObject propertySchema)
            {
                yield return propertySchema;
            }
        }

        if (Schema.Items(schema) is { } items)
        {
            yield return items;
        }

        if (Schema.MapValues(schema) is { } values)
        {
            yield return values;
        }
    }
}
