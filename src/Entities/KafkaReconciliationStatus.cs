using System.ComponentModel;
using System.Text.Json.Serialization;
using k8s.Models;

namespace KafkaRecon.Entities;

[Description("Observed state of the run. Bounded: full results live in the report at results.reportLocation.")]
public sealed class KafkaReconciliationStatus
{
    [JsonPropertyName("phase")]
    [Description("Display summary of where the run is; conditions are the contract.")]
    public ReconciliationPhase Phase { get; set; } = ReconciliationPhase.Pending;

    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    [JsonPropertyName("conditions")]
    public IList<V1Condition> Conditions { get; set; } = new List<V1Condition>();

    [JsonPropertyName("runId")]
    [Description("Identity of this run: resource name and window date, used in report and job names.")]
    public string? RunId { get; set; }

    [JsonPropertyName("startTime")]
    public DateTimeOffset? StartTime { get; set; }

    [JsonPropertyName("completionTime")]
    public DateTimeOffset? CompletionTime { get; set; }

    [JsonPropertyName("window")]
    [Description("The window fixed when the run started; retries never recompute it.")]
    public ResolvedWindow? Window { get; set; }

    [JsonPropertyName("waiting")]
    [Description("The wait for complete inputs (spec.start): what it waits for, until when.")]
    public WaitingStatus? Waiting { get; set; }

    [JsonPropertyName("checks")]
    [Description("Every comparison of the window: the first verdict, then each recheck (spec.recheck). The latest decides.")]
    public IList<CheckRecord> Checks { get; set; } = new List<CheckRecord>();

    [JsonPropertyName("nextCheckTime")]
    [Description("When the next recheck (spec.recheck) compares the window again; unset when none is due.")]
    public DateTimeOffset? NextCheckTime { get; set; }

    [JsonPropertyName("phases")]
    public PhaseRecords Phases { get; set; } = new();

    [JsonPropertyName("inputs")]
    [Description("The manifest files the transform read, listed once per run: totals per side.")]
    public RunInputs? Inputs { get; set; }

    [JsonPropertyName("results")]
    public ReconciliationResults? Results { get; set; }

    [JsonPropertyName("cost")]
    public RunCost? Cost { get; set; }

    [JsonPropertyName("topCollections")]
    [Description("The collections with most missing exports (at most 20).")]
    public IList<CollectionResult> TopCollections { get; set; } = new List<CollectionResult>();

    [JsonPropertyName("notification")]
    public NotificationRecord? Notification { get; set; }

    [JsonPropertyName("lastRerunToken")]
    [Description("The kafkarecon.io/rerun annotation value that last restarted this run.")]
    public string? LastRerunToken { get; set; }

    [JsonPropertyName("attempt")]
    [Description("Whole-run attempt, bumped on each re-run; part of every idempotency key.")]
    public int Attempt { get; set; } = 1;
}

[JsonConverter(typeof(JsonStringEnumConverter<ReconciliationPhase>))]
public enum ReconciliationPhase
{
    Pending,
    Waiting,
    /// <summary>A phase's work waits for a run slot in the operator; its condition message gives the position.</summary>
    Queued,
    Coalescing,
    Transforming,
    Querying,
    Verifying,
    Succeeded,
    Failed,
    Cancelled,
}

public sealed class ResolvedWindow
{
    [JsonPropertyName("start")]
    public DateTimeOffset Start { get; set; }

    [JsonPropertyName("end")]
    public DateTimeOffset End { get; set; }

    [JsonPropertyName("marginMinutes")]
    public int MarginMinutes { get; set; }
}

public sealed class PhaseRecords
{
    [JsonPropertyName("coalesce")]
    public PhaseRecord? Coalesce { get; set; }

    [JsonPropertyName("transform")]
    public PhaseRecord? Transform { get; set; }

    [JsonPropertyName("query")]
    public PhaseRecord? Query { get; set; }

    [JsonPropertyName("verify")]
    public PhaseRecord? Verify { get; set; }
}

[Description("One phase's progress and the external work it started.")]
public sealed class PhaseRecord
{
    [JsonPropertyName("state")]
    public PhaseState State { get; set; } = PhaseState.Pending;

    [JsonPropertyName("attempt")]
    public int Attempt { get; set; } = 1;

    [JsonPropertyName("idempotencyKey")]
    [Description("Derived from namespace, name, uid, phase and attempt; written before any submission.")]
    public string? IdempotencyKey { get; set; }

    [JsonPropertyName("externalIds")]
    [Description("Ids of the external work (Batch job ids, Glue run id, Athena query ids).")]
    public IList<string> ExternalIds { get; set; } = new List<string>();

    [JsonPropertyName("startTime")]
    public DateTimeOffset? StartTime { get; set; }

    [JsonPropertyName("completionTime")]
    public DateTimeOffset? CompletionTime { get; set; }

    [JsonPropertyName("nextAttemptTime")]
    [Description("When a failed attempt is retried.")]
    public DateTimeOffset? NextAttemptTime { get; set; }

    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("outputLocation")]
    public string? OutputLocation { get; set; }

    [JsonPropertyName("jobs")]
    [Description("Per-job summary for phases that run several jobs (at most 50 listed).")]
    public IList<JobSummary> Jobs { get; set; } = new List<JobSummary>();
}

[JsonConverter(typeof(JsonStringEnumConverter<PhaseState>))]
public enum PhaseState
{
    Pending,
    Submitting,
    Running,
    Succeeded,
    Failed,
    Cancelled,
    Skipped,
}

public sealed class JobSummary
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("state")]
    public string State { get; set; } = "";

    [JsonPropertyName("reason")]
    public string? Reason { get; set; }
}

/// <summary>The run's totals (<see cref="RunTotals"/>) and where its report is.</summary>
public sealed record ReconciliationResults : RunTotals
{
    public ReconciliationResults()
    {
    }

    /// <summary>Every total of <paramref name="totals"/> (the record's copy constructor, so none can be forgotten).</summary>
    public ReconciliationResults(RunTotals totals) : base(totals)
    {
    }

    [JsonPropertyName("reportLocation")] public string? ReportLocation { get; set; }
    [JsonPropertyName("partialReport")] public bool PartialReport { get; set; }

    [JsonPropertyName("samples")]
    public RecordSamples? Samples { get; set; }

    [JsonPropertyName("decidedBy")]
    [Description("The rule behind a failed verdict: 'spec.verification' or 'spec.verification.collections[N] (…)'.")]
    public string? DecidedBy { get; set; }

    [JsonPropertyName("ignoredCollections")]
    [Description("Collections left out of the verdict by an ignore rule (their records still count in the totals).")]
    public long IgnoredCollections { get; set; }
}

public sealed class CollectionResult
{
    [JsonPropertyName("database")] public string Database { get; set; } = "";
    [JsonPropertyName("collection")] public string Collection { get; set; } = "";
    [JsonPropertyName("imported")] public long Imported { get; set; }
    [JsonPropertyName("exported")] public long Exported { get; set; }
    [JsonPropertyName("missingExports")] public long MissingExports { get; set; }
    [JsonPropertyName("missingImports")] public long MissingImports { get; set; }
    [JsonPropertyName("mismatchedTimestamps")] public long MismatchedTimestamps { get; set; }
    [JsonPropertyName("duplicateImports")] public long DuplicateImports { get; set; }
    [JsonPropertyName("duplicateExports")] public long DuplicateExports { get; set; }
}

[Description("The outcome notification, recorded before it is sent so it is sent at most once.")]
public sealed class NotificationRecord
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("outcome")] public string Outcome { get; set; } = "";
    [JsonPropertyName("state")] public string State { get; set; } = "Pending";
    [JsonPropertyName("sentTime")] public DateTimeOffset? SentTime { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
}
