namespace KafkaRecon.Operator.Kubernetes.Watching;

/// <summary>Which namespaces the operator watches: all of them (one cluster-wide watch) or a list (one watch each).</summary>
internal sealed record WatchScope(IReadOnlyList<string> Namespaces)
{
    public static WatchScope AllNamespaces { get; } = new([]);

    public bool IsAllNamespaces => Namespaces.Count == 0;

    /// <summary>The namespace argument of each LIST/WATCH; null means all namespaces.</summary>
    public IEnumerable<string?> Targets =>
        IsAllNamespaces ? new string?[] { null } : Namespaces.Select(name => (string?)name);

    public static string Describe(string? namespaceName) => namespaceName ?? "*";
}
