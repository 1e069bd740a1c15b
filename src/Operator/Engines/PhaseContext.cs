using KafkaRecon.Entities;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines;

/// <summary>Everything an engine needs to run one attempt of one phase of one run.</summary>
internal sealed record PhaseContext(
    ResourceIdentity Resource,
    string RunId,
    ResolvedWindow Window,
    KafkaReconciliationSpec Spec,
    int Attempt,
    string IdempotencyKey,
    IReadOnlyList<string> ExternalIds)
{
    /// <summary>Where this run's tables and reports live under <c>spec.output.location</c>.</summary>
    public RunLayout Layout => new(Spec.Output.Location, RunId);
}

/// <summary>Identity of the resource a run belongs to.</summary>
internal sealed record ResourceIdentity(string Namespace, string Name, string Uid)
{
    public override string ToString() => $"{Namespace}/{Name}";
}
