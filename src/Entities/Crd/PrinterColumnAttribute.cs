namespace KafkaRecon.Entities.Crd;

/// <summary>An <c>additionalPrinterColumns</c> entry shown by <c>kubectl get</c>; declared in column order.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class PrinterColumnAttribute(int order, string name, string type, string jsonPath) : Attribute
{
    public int Order { get; } = order;
    public string Name { get; } = name;
    /// <summary>OpenAPI type of the column: string, integer, number, boolean or date.</summary>
    public string Type { get; } = type;
    public string JsonPath { get; } = jsonPath;
    public string? Description { get; init; }
    /// <summary>0 shows the column by default; higher priorities only with <c>-o wide</c>.</summary>
    public int Priority { get; init; }
}
