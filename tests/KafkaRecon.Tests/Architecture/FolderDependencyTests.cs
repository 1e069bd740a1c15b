using KafkaRecon.Operator.Reconciliation;

namespace KafkaRecon.Tests.Architecture;

/// <summary>The layering of src/Operator, checked on the built assembly (see docs/architecture.md).</summary>
public sealed class FolderDependencyTests
{
    private static readonly FolderGraph Graph = FolderGraph.Read(typeof(ReconciliationDriver).Assembly.Location);

    /// <summary>
    /// The core (Reconciliation) decides and drives; it reaches the outside only through the ports it owns
    /// (IStatusSink, IEventSink, IRunObserver, IReconciler), the engine contract in Engines, and the report, verification
    /// and notification models it consumes. It never names the wiring (Composition), the command line, anything under
    /// Kubernetes, the AWS transport, an engine implementation, or Metrics (it reports through IRunObserver).
    /// </summary>
    private static readonly string[] ForbiddenToCore =
        ["Composition", "Cli", "Aws", "Engines.Aws", "Engines.Embedded", "Metrics"];

    /// <summary>What only <c>Composition</c> builds: the engines, the metrics and the notifier behind the driver.</summary>
    private static readonly string[] WiredOnlyByComposition = ["Engines.Aws", "Engines.Embedded", "Metrics", "Notifications"];

    [Fact]
    public void No_two_folders_depend_on_each_other_even_through_others()
    {
        var cycles = Graph.Cycles().Select(Describe).ToList();

        Assert.True(cycles.Count == 0, "Namespace cycles between folders of src/Operator:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void The_reconciliation_core_names_no_wiring_command_line_kubernetes_aws_or_engine_implementation()
    {
        var forbidden = Graph.Edges
            .Where(edge => edge.Key.From == "Reconciliation" && IsForbiddenToCore(edge.Key.To))
            .SelectMany(edge => edge.Value.Select(reference => $"Reconciliation -> {edge.Key.To}: {reference}"))
            .ToList();

        Assert.True(forbidden.Count == 0, "The core references outer folders:\n" + string.Join("\n", forbidden));
    }

    [Fact]
    public void The_commands_take_their_engines_metrics_and_notifier_from_the_composition_root()
    {
        var wiredByHand = Graph.Edges
            .Where(edge => edge.Key.From == "Cli" && WiredOnlyByComposition.Contains(edge.Key.To))
            .SelectMany(edge => edge.Value.Select(reference => $"Cli -> {edge.Key.To}: {reference}"))
            .ToList();

        Assert.True(wiredByHand.Count == 0, "The command line wires services itself:\n" + string.Join("\n", wiredByHand));
    }

    [Fact]
    public void The_scan_sees_references_made_only_inside_method_bodies()
    {
        // EngineComposition names the embedded engines only in `new LocalCoalescer(...)` and the like.
        Assert.Contains("Engines.Embedded", Graph.DependenciesOf("Composition"));
        Assert.Contains("Composition", Graph.DependenciesOf("Cli"));
    }

    [Fact]
    public void A_cycle_through_a_third_folder_is_found_and_named()
    {
        var graph = new FolderGraph(new Dictionary<(string From, string To), IReadOnlyList<string>>
        {
            [("Core", "Metrics")] = ["Core.Wiring -> Metrics.Counters"],
            [("Metrics", "Controller")] = ["Metrics.ControllerMetrics -> Controller.IObserver"],
            [("Controller", "Core")] = ["Controller.Workers -> Core.Outcome"],
            [("Controller", "Store")] = ["Controller.Workers -> Store.IResourceStore"],
        });

        var cycle = Assert.Single(graph.Cycles());
        Assert.Equal(["Controller", "Core", "Metrics"], cycle);
    }

    private static bool IsForbiddenToCore(string folder) =>
        ForbiddenToCore.Contains(folder) || folder == "Kubernetes" || folder.StartsWith("Kubernetes.", StringComparison.Ordinal);

    private static string Describe(IReadOnlyList<string> cycle)
    {
        var inside = Graph.Edges.Where(edge => cycle.Contains(edge.Key.From) && cycle.Contains(edge.Key.To))
            .OrderBy(edge => edge.Key.From, StringComparer.Ordinal).ThenBy(edge => edge.Key.To, StringComparer.Ordinal)
            .Select(edge => $"    {edge.Key.From} -> {edge.Key.To}: {string.Join("; ", edge.Value.Take(3))}");
        return $"  {string.Join(" <-> ", cycle)}\n{string.Join("\n", inside)}";
    }
}
