namespace KafkaRecon.Tests.Engines.Conformance;

/// <summary>What happens to a run's Query phase; every engine must end each the same way.</summary>
public enum Situation
{
    /// <summary>Every query answers; the data has no discrepancy.</summary>
    Success,
    /// <summary>
    /// One report query (<c>additional/04_missing_imported_ids</c>) fails; the summary queries answer, so a partial
    /// report is written.
    /// </summary>
    ReportQueryFails,
    /// <summary>Every query fails, the summary queries too: no summary can be written.</summary>
    AllQueriesFail,
    /// <summary>
    /// <c>spec.timeouts.query</c> runs out while the queries are still running: the engine's own timeout path ends
    /// the phase and the engine is told to cancel its work.
    /// </summary>
    TimedOut,
    /// <summary>The run is interrupted (Ctrl-C) while the queries run; the engine is told to cancel its work.</summary>
    Cancelled,
}
