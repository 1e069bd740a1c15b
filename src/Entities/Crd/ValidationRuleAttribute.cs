namespace KafkaRecon.Entities.Crd;

/// <summary>A CEL rule (<c>x-kubernetes-validations</c>) on the schema of the class it decorates.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class ValidationRuleAttribute(string rule, string message) : Attribute
{
    public string Rule { get; } = rule;
    public string Message { get; } = message;
    /// <summary>The field the API server blames when the rule fails, relative to the decorated object.</summary>
    public string? FieldPath { get; init; }
}
