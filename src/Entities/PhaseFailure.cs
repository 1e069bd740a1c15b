namespace KafkaRecon.Entities;

/// <summary>
/// Why a phase failed: the one closed set every engine reports from, and the reason its condition and phase record
/// carry (the name, CamelCase). The planner decides on these values, never on free strings, so two engines cannot
/// describe the same situation differently.
/// </summary>
public enum PhaseFailure
{
    /// <summary>The spec cannot work for this engine; retrying cannot help.</summary>
    InvalidSpec,
    /// <summary>The engine call threw something it did not expect.</summary>
    EngineError,
    /// <summary>The engine lacks credentials or configuration it needs.</summary>
    EngineNotConfigured,
    /// <summary>The phase ran past its timeout and its work was cancelled.</summary>
    TimedOut,

    /// <summary>An AWS request was rejected (validation, not found, access denied).</summary>
    AwsRequestRejected,
    /// <summary>An AWS request failed for another reason.</summary>
    AwsRequestFailed,

    /// <summary>Coalescing left batches unmerged, or a manifest folder is missing.</summary>
    CoalesceFailed,
    BatchJobFailed,
    BatchJobNotFound,

    ManifestsUnreadable,
    ManifestsMalformed,
    TransformFailed,
    /// <summary>The in-process transform stopped before writing its tables.</summary>
    TransformInterrupted,
    OutputUploadFailed,
    GlueFailed,
    GlueTimeout,
    GlueStopped,
    GlueError,
    GlueExpired,

    AthenaTableCreationFailed,
    /// <summary>The result tables are missing or incomplete.</summary>
    TablesMissing,
    TablesUnreadable,
    /// <summary>
    /// One or more report queries failed: a partial report and its summary were written. The only failure the run
    /// carries on past, so verification judges the partial summary's totals.
    /// </summary>
    QueryFailed,
    /// <summary>The in-process queries stopped before writing the summary.</summary>
    QueryInterrupted,
    /// <summary>The summary queries failed or returned something unreadable; no summary was written.</summary>
    SummaryFailed,
    ReportWriteFailed,
}
