namespace KafkaRecon.Operator.Reconciliation;

/// <summary>
/// Where a run stands once a planning step is done. The planner records only this; <see cref="StatusSummary"/>
/// derives the Ready, Reconciling and Stalled conditions from it and the phase conditions.
/// </summary>
internal abstract record RunOutcome
{
    private RunOutcome() { }

    /// <summary>Work goes on; <paramref name="Activity"/> says which.</summary>
    public sealed record Progressing(string Activity) : RunOutcome;

    /// <summary><c>spec.suspend</c> holds the run where it is.</summary>
    public sealed record Suspended : RunOutcome;

    /// <summary>Verification passed: the Verified condition carries the totals.</summary>
    public sealed record Verified : RunOutcome;

    /// <summary>The run completed and verification failed it (a bad answer, not a stuck run).</summary>
    public sealed record Unverified(string Totals) : RunOutcome;

    /// <summary>A phase failed for good: the run cannot complete without a person.</summary>
    public sealed record Stalled(RunPhase Phase) : RunOutcome;

    /// <summary>The spec was rejected before any work started.</summary>
    public sealed record InvalidSpec(string Message) : RunOutcome;
}
