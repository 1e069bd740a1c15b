using KafkaRecon.Entities;
using KafkaRecon.Entities.Validation;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>The four phases of a run, in order.</summary>
public enum RunPhase
{
    Coalesce,
    Transform,
    Query,
    Verify,
}

/// <summary>What each phase is called in status, conditions and specs.</summary>
internal static class RunPhases
{
    public static readonly IReadOnlyList<RunPhase> InOrder = [RunPhase.Coalesce, RunPhase.Transform, RunPhase.Query, RunPhase.Verify];

    public static string Name(this RunPhase phase) => phase.ToString().ToLowerInvariant();

    public static ReconciliationPhase DisplayPhase(this RunPhase phase) => phase switch
    {
        RunPhase.Coalesce => ReconciliationPhase.Coalescing,
        RunPhase.Transform => ReconciliationPhase.Transforming,
        RunPhase.Query => ReconciliationPhase.Querying,
        _ => ReconciliationPhase.Verifying,
    };

    public static string ConditionType(this RunPhase phase) => phase switch
    {
        RunPhase.Coalesce => ConditionTypes.Coalesced,
        RunPhase.Transform => ConditionTypes.Transformed,
        RunPhase.Query => ConditionTypes.Queried,
        _ => ConditionTypes.Verified,
    };

    public static PhaseRecord? Record(this PhaseRecords records, RunPhase phase) => phase switch
    {
        RunPhase.Coalesce => records.Coalesce,
        RunPhase.Transform => records.Transform,
        RunPhase.Query => records.Query,
        _ => records.Verify,
    };

    public static void SetRecord(this PhaseRecords records, RunPhase phase, PhaseRecord? record)
    {
        switch (phase)
        {
            case RunPhase.Coalesce: records.Coalesce = record; break;
            case RunPhase.Transform: records.Transform = record; break;
            case RunPhase.Query: records.Query = record; break;
            default: records.Verify = record; break;
        }
    }

    public static int Retries(this RunPhase phase, RetriesSpec retries) => phase switch
    {
        RunPhase.Coalesce => retries.Coalesce,
        RunPhase.Transform => retries.Transform,
        RunPhase.Query => retries.Query,
        _ => 0,
    };

    /// <summary>The phase's timeout; verification has none (it reads one small file).</summary>
    public static TimeSpan? Timeout(this RunPhase phase, TimeoutsSpec timeouts) => phase switch
    {
        RunPhase.Coalesce => DurationParser.Parse(timeouts.Coalesce, "spec.timeouts.coalesce"),
        RunPhase.Transform => DurationParser.Parse(timeouts.Transform, "spec.timeouts.transform"),
        RunPhase.Query => DurationParser.Parse(timeouts.Query, "spec.timeouts.query"),
        _ => null,
    };
}
