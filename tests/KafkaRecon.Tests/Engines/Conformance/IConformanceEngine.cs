using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Tests.Engines.Conformance;

/// <summary>
/// One engine set up to meet a <see cref="Situation"/>: the phase engines the driver uses, the store its reports are
/// written to, the calls the driver made into its query runner, and the spec of a resource it can reconcile. Only how
/// a situation is brought about differs per engine.
/// </summary>
internal interface IConformanceEngine : IAsyncDisposable
{
    KafkaReconciliationSpec Spec { get; }

    EngineSet Engines { get; }

    ISummarySource Summaries { get; }

    /// <summary>Where the engine writes the reports and the summary.</summary>
    IObjectStore Reports { get; }

    /// <summary>The calls into the query runner, in order ("start", "poll", "cancel").</summary>
    IReadOnlyList<string> QueryRunnerCalls { get; }

    Task ArrangeAsync(Situation situation);
}
