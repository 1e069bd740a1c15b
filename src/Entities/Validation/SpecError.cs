namespace KafkaRecon.Entities.Validation;

/// <summary>One problem with a resource's spec: the field path (as in YAML) and what is wrong with it.</summary>
public sealed record SpecError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
