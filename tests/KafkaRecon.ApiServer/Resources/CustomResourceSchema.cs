using System.Text.Json.Nodes;
using KafkaRecon.ApiServer.Http;
using KafkaRecon.ApiServer.Validation;
using KafkaRecon.ApiServer.Validation.Cel;

namespace KafkaRecon.ApiServer.Resources;

/// <summary>The openAPIV3Schema of one CRD version and what the server does with it on every write.</summary>
internal sealed class CustomResourceSchema
{
    private readonly SchemaValidator _validator;

    public CustomResourceSchema(JsonObject openApiV3Schema)
    {
        Root = openApiV3Schema;
        Rules = new CelRuleSet(openApiV3Schema);
        _validator = new SchemaValidator(Rules);
    }

    public JsonObject Root { get; }

    public CelRuleSet Rules { get; }

    /// <summary>Prunes unknown fields and non-nullable nulls, then applies defaults (mutates <paramref name="obj"/>).</summary>
    /// <returns>The unknown field paths that were removed.</returns>
    public IReadOnlyList<string> PruneAndDefault(JsonObject obj)
    {
        var unknown = StructuralPruner.Prune(obj, Root);
        SchemaDefaulter.Apply(obj, Root);
        return unknown;
    }

    public IReadOnlyList<FieldCause> Validate(JsonObject obj) => _validator.Validate(obj, Root);
}
