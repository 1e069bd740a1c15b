namespace KafkaRecon.Entities;

/// <summary>Condition types (kstatus: Ready, Reconciling, Stalled; plus one per phase).</summary>
public static class ConditionTypes
{
    /// <summary>True when the run finished and verification passed.</summary>
    public const string Ready = "Ready";
    /// <summary>True while the controller is working towards a final state.</summary>
    public const string Reconciling = "Reconciling";
    /// <summary>True when the run cannot progress without a change from the user.</summary>
    public const string Stalled = "Stalled";
    public const string Coalesced = "Coalesced";
    public const string Transformed = "Transformed";
    public const string Queried = "Queried";
    public const string Verified = "Verified";
    public const string Notified = "Notified";
    /// <summary>Whether the inputs were complete (spec.start) when the run started.</summary>
    public const string InputsReady = "InputsReady";
}

/// <summary>Condition reasons: CamelCase, matching metav1.Condition's reason pattern.</summary>
public static class ConditionReasons
{
    public const string Progressing = "Progressing";
    public const string Queued = "Queued";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Skipped = "Skipped";
    public const string Suspended = "Suspended";
    public const string InvalidSpec = nameof(PhaseFailure.InvalidSpec);
    public const string SpecChanged = "SpecChanged";
    public const string TimedOut = nameof(PhaseFailure.TimedOut);
    public const string RetryScheduled = "RetryScheduled";
    public const string Cancelled = "Cancelled";
    public const string VerificationPassed = "VerificationPassed";
    public const string RecordsMissing = "RecordsMissing";
    public const string NoRecords = "NoRecords";
    public const string RejectedLines = "RejectedLines";
    public const string PartialReport = "PartialReport";
    /// <summary>Verify could not read the report summary the Query phase should have written.</summary>
    public const string SummaryUnavailable = "SummaryUnavailable";
    public const string EngineError = nameof(PhaseFailure.EngineError);
    public const string EngineNotConfigured = nameof(PhaseFailure.EngineNotConfigured);
    public const string NotificationSent = "NotificationSent";
    public const string NotificationFailed = "NotificationFailed";
    public const string WaitingForInputs = "WaitingForInputs";
    public const string InputsComplete = "InputsComplete";
    /// <summary>spec.start.maxWait ran out: the run started with inputs that may be incomplete.</summary>
    public const string WaitTimedOut = "WaitTimedOut";
}

/// <summary>Well-known annotations, labels and finalizers.</summary>
public static class WellKnown
{
    public const string Finalizer = "kafkarecon.io/cleanup";
    public const string RerunAnnotation = "kafkarecon.io/rerun";
    public const string ScheduleLabel = "kafkarecon.io/schedule";
}
