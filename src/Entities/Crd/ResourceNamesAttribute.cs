namespace KafkaRecon.Entities.Crd;

/// <summary>Short names and categories under which <c>kubectl</c> finds the resource.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ResourceNamesAttribute : Attribute
{
    public string[] ShortNames { get; init; } = [];
    public string[] Categories { get; init; } = [];
}
