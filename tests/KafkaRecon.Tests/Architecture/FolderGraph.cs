using Mono.Cecil;

namespace KafkaRecon.Tests.Architecture;

/// <summary>
/// The dependency graph between the top folders of src/Operator, read from the built assembly. A folder is the
/// namespace right under <c>KafkaRecon.Operator</c>; under Kubernetes and Engines each sub-namespace is a folder of
/// its own (Kubernetes.Controller, Engines.Aws), because those are separate layers.
/// </summary>
internal sealed class FolderGraph(IReadOnlyDictionary<(string From, string To), IReadOnlyList<string>> edges)
{
    private const string Root = "KafkaRecon.Operator.";
    private static readonly string[] SplitFolders = ["Kubernetes", "Engines"];

    /// <summary>Each edge with the type references behind it (<c>Type -> Type</c>), sorted.</summary>
    public IReadOnlyDictionary<(string From, string To), IReadOnlyList<string>> Edges { get; } = edges;

    public static FolderGraph Read(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var edges = new Dictionary<(string, string), SortedSet<string>>();
        foreach (var (from, to) in TypeDependencies.Of(module))
        {
            if (FolderOf(from) is { } source && FolderOf(to) is { } target && source != target)
            {
                var references = edges.TryGetValue((source, target), out var known) ? known : edges[(source, target)] = new(StringComparer.Ordinal);
                references.Add($"{from.FullName} -> {to.FullName}");
            }
        }
        return new FolderGraph(edges.ToDictionary(edge => edge.Key, edge => (IReadOnlyList<string>)[.. edge.Value]));
    }

    public IEnumerable<string> DependenciesOf(string folder) =>
        Edges.Keys.Where(edge => edge.From == folder).Select(edge => edge.To).Order(StringComparer.Ordinal);

    /// <summary>Every group of folders that reach each other (Tarjan's strongly connected components of size > 1).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var nodes = Edges.Keys.SelectMany(edge => new[] { edge.From, edge.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in DependenciesOf(node))
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }
            if (low[node] != index[node])
            {
                return;
            }
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                component.Add(member);
            }
            while (member != node);
            if (component.Count > 1)
            {
                cycles.Add(component.Order(StringComparer.Ordinal).ToList());
            }
        }

        foreach (var node in nodes.Where(node => !index.ContainsKey(node)))
        {
            Visit(node);
        }
        return cycles;
    }

    private static string? FolderOf(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }
        if (!type.Namespace.StartsWith(Root, StringComparison.Ordinal))
        {
            return null;
        }
        var parts = type.Namespace[Root.Length..].Split('.');
        return SplitFolders.Contains(parts[0]) && parts.Length > 1 ? $"{parts[0]}.{parts[1]}" : parts[0];
    }
}
