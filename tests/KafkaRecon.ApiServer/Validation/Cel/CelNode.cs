namespace KafkaRecon.ApiServer.Validation.Cel;

/// <summary>The syntax tree of the CEL subset the CRD rules use (see <see cref="CelParser"/>).</summary>
internal abstract record CelNode
{
    public sealed record Literal(object? Value) : CelNode;

    /// <summary><c>self</c> followed by zero or more field selections.</summary>
    public sealed record Select(IReadOnlyList<string> Fields) : CelNode;

    /// <summary><c>has(self.a.b)</c>: whether the last field is present.</summary>
    public sealed record Has(Select Target) : CelNode;

    public sealed record Call(string Function, IReadOnlyList<CelNode> Arguments) : CelNode;

    public sealed record Not(CelNode Operand) : CelNode;

    public sealed record Binary(string Operator, CelNode Left, CelNode Right) : CelNode;
}
