using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Operator.Reports;

namespace KafkaRecon.Tests.Engines.Conformance;

/// <summary>
/// One engine set up to meet a <see cref="Situation"/>: the phase engines the driver uses, the store its summary is
/// read from, and the spec of a resource it can reconcile. Only how a situation is brought about differs per engine.
/// </summary>
internal interface IConformanceEngine : IAsyncDisposable
{
    KafkaReconciliationSpec Spec { get; }

    EngineSet Engines { get; }

    ISummarySource Summaries { get; }

    Task ArrangeAsync(Situation situation);
}
