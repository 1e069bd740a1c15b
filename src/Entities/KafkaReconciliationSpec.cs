using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using KafkaRecon.Entities.Crd;

namespace KafkaRecon.Entities;

[Description("What to reconcile, where the manifests are, which engine runs each phase and when a run fails.")]
public sealed class KafkaReconciliationSpec
{
    [JsonPropertyName("window")]
    [Description("The time window whose records are compared. Defaults to the previous UTC day. Times need a zone ('Z' or '+01:00'): one without is rejected, never read in a local time zone. At most 31 days.")]
    public WindowSpec Window { get; set; } = new();

    [JsonPropertyName("engine")]
    [Description("Which engines run the phases: 'aws' (Batch, Glue, Athena) or 'embedded' (DuckDB in-process).")]
    [DefaultValue(EngineKind.Aws)]
    public EngineKind Engine { get; set; } = EngineKind.Aws;

    [JsonPropertyName("manifests")]
    [Description("Where the import (K2HB) and export (HTME) manifests are read from.")]
    [Required]
    public ManifestsSpec Manifests { get; set; } = new();

    [JsonPropertyName("output")]
    [Description("Where result tables and reports are written.")]
    [Required]
    public OutputSpec Output { get; set; } = new();

    [JsonPropertyName("coalesce")]
    [Description("Merging of the window's many small manifest files into few large ones before the comparison.")]
    public CoalesceSpec Coalesce { get; set; } = new();

    [JsonPropertyName("transform")]
    [Description("The comparison ETL (Glue job when engine is aws).")]
    public TransformSpec Transform { get; set; } = new();

    [JsonPropertyName("query")]
    [Description("The report queries (Athena when engine is aws).")]
    public QuerySpec Query { get; set; } = new();

    [JsonPropertyName("comparison")]
    [Description("How records of the two sides are matched.")]
    public ComparisonSpec Comparison { get; set; } = new();

    [JsonPropertyName("verification")]
    [Description("Thresholds that decide whether the run succeeded.")]
    public VerificationSpec Verification { get; set; } = new();

    [JsonPropertyName("notifications")]
    [Description("Where outcomes are announced.")]
    public NotificationsSpec Notifications { get; set; } = new();

    [JsonPropertyName("timeouts")]
    [Description("Upper bounds on each phase, as durations such as '90m' or '2h'.")]
    public TimeoutsSpec Timeouts { get; set; } = new();

    [JsonPropertyName("retries")]
    [Description("How often a failed phase is retried before the run fails.")]
    public RetriesSpec Retries { get; set; } = new();

    [JsonPropertyName("retention")]
    [Description("How long old runs' tables (under <output>/runs/) and their Athena catalog tables are kept; unset keeps everything.")]
    public RetentionSpec Retention { get; set; } = new();

    [JsonPropertyName("start")]
    [Description("When the run may start: a time after the window, quiet inputs and markers, bounded by maxWait.")]
    public StartSpec Start { get; set; } = new();

    [JsonPropertyName("recheck")]
    [Description("Comparisons of the same window again after the first verdict, for records that arrive late.")]
    public RecheckSpec Recheck { get; set; } = new();

    [JsonPropertyName("suspend")]
    [Description("Pause the run: no new external work is started while true.")]
    [DefaultValue(false)]
    public bool Suspend { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<EngineKind>))]
public enum EngineKind
{
    [JsonStringEnumMemberName("aws")] Aws,
    [JsonStringEnumMemberName("embedded")] Embedded,
}

[Description("Reconciled window [start, end + margin). Both bounds RFC 3339 with a zone ('Z' or '+01:00'); a time without one is rejected, never read in a local zone. End is exclusive; a window spans at most 31 days.")]
[ValidationRule("!has(self.start) || !has(self.end) || self.end > self.start",
    "window.end must be after window.start", FieldPath = ".end")]
public sealed class WindowSpec
{
    [JsonPropertyName("start")]
    [Description("Inclusive start (RFC 3339 with a zone). Defaults to the previous UTC midnight, or to end - 1 day when only end is set.")]
    public DateTimeOffset? Start { get; set; }

    [JsonPropertyName("end")]
    [Description("Exclusive end (RFC 3339 with a zone). Defaults to start + 1 day.")]
    public DateTimeOffset? End { get; set; }

    [JsonPropertyName("marginMinutes")]
    [Description("Minutes added to the end bound for records stamped just after the window.")]
    [Range(0, 1440)]
    [DefaultValue(0)]
    public int MarginMinutes { get; set; }
}

public sealed class ManifestsSpec
{
    [JsonPropertyName("importLocation")]
    [Description("Import (K2HB) manifests: a local folder or s3://bucket/prefix, read recursively.")]
    [Required]
    [MinLength(1)]
    public string ImportLocation { get; set; } = "";

    [JsonPropertyName("exportLocation")]
    [Description("Export (HTME) manifests: a local folder or s3://bucket/prefix, read recursively.")]
    [Required]
    [MinLength(1)]
    public string ExportLocation { get; set; } = "";

    [JsonPropertyName("pruning")]
    [Description("window: read only files modified at or after the window start (less margin and pruningSlack), " +
                 "since a record is written to a manifest after its timestamp; none: read every file.")]
    [DefaultValue("window")]
    public InputPruning Pruning { get; set; } = InputPruning.Window;

    [JsonPropertyName("pruningSlack")]
    [Description("Clock skew allowed between the record's timestamp and the file's modification time when pruning.")]
    [RegularExpression(TimeoutsSpec.DurationPattern)]
    [DefaultValue("1h")]
    public string PruningSlack { get; set; } = "1h";

    [JsonPropertyName("layout")]
    [Description("flat: files anywhere below the location; daily: files below date folders YYYY/MM/DD/ named by " +
                 "the day they were written, so only the days from the window start on are listed.")]
    [DefaultValue("flat")]
    public ManifestLayout Layout { get; set; } = ManifestLayout.Flat;
}

[JsonConverter(typeof(JsonStringEnumConverter<InputPruning>))]
public enum InputPruning
{
    [JsonStringEnumMemberName("window")] Window,
    [JsonStringEnumMemberName("none")] None,
}

[JsonConverter(typeof(JsonStringEnumConverter<ManifestLayout>))]
public enum ManifestLayout
{
    [JsonStringEnumMemberName("flat")] Flat,
    [JsonStringEnumMemberName("daily")] Daily,
}

public sealed class OutputSpec
{
    [JsonPropertyName("location")]
    [Description("Folder or s3://bucket/prefix under which each run writes its tables and reports.")]
    [Required]
    [MinLength(1)]
    public string Location { get; set; } = "";
}

public sealed class CoalesceSpec
{
    [JsonPropertyName("enabled")]
    [Description("Run the coalesce phase; when false the phase is skipped.")]
    [DefaultValue(true)]
    public bool Enabled { get; set; } = true;

    [JsonPropertyName("maxFiles")]
    [Description("Most original files merged into one output file.")]
    [Range(2, 1_000_000)]
    [DefaultValue(1_000_000)]
    public int MaxFiles { get; set; } = 1_000_000;

    [JsonPropertyName("maxBytes")]
    [Description("Size at which an output file is closed, in bytes.")]
    [Range(1024, 5_000_000_000)]
    [DefaultValue(128_000_000)]
    public long MaxBytes { get; set; } = 128_000_000;

    /// <summary>One number and unit, from 0s to 24h (86400s, 1440m): the bound is in the pattern, so the CRD enforces it.</summary>
    public const string MinFileAgePattern =
        "^(([0-9]{1,4}|[1-7][0-9]{4}|8[0-5][0-9]{3}|86[0-3][0-9]{2}|86400)s|([0-9]{1,3}|1[0-3][0-9]{2}|14[0-3][0-9]|1440)m|([0-9]|1[0-9]|2[0-4])h)$";

    [JsonPropertyName("minFileAge")]
    [Description("Files modified less than this long ago are not merged: a writer may still be appending to them. One number and unit (s, m or h) from 0s to 24h, such as '2m' or '90s'.")]
    [RegularExpression(MinFileAgePattern)]
    [DefaultValue("2m")]
    public string MinFileAge { get; set; } = "2m";

    [JsonPropertyName("partitions")]
    [Description("Kafka partitions coalesced as separate jobs; empty means one job for all partitions.")]
    [ListType("set")]
    public IList<int> Partitions { get; set; } = new List<int>();

    [JsonPropertyName("jobQueue")]
    [Description("AWS Batch job queue for coalescer jobs (engine aws).")]
    public string? JobQueue { get; set; }

    [JsonPropertyName("jobDefinition")]
    [Description("AWS Batch job definition running 'kafka-recon coalesce' (engine aws).")]
    public string? JobDefinition { get; set; }
}

public sealed class TransformSpec
{
    [JsonPropertyName("glueJobName")]
    [Description("Glue job that runs the comparison ETL (engine aws).")]
    public string? GlueJobName { get; set; }

    [JsonPropertyName("arguments")]
    [Description("Extra Glue job arguments, passed through unchanged.")]
    public IDictionary<string, string> Arguments { get; set; } = new Dictionary<string, string>();

    [JsonPropertyName("memoryLimit")]
    [Description("Embedded engine: memory budget of the transform such as '4GiB', at least 128MiB (KB, MB, GB are powers of 1000; KiB, MiB, GiB of 1024). DuckDB gets it less 768 MiB per thread (at least half), the rest covers memory it does not track; beyond it DuckDB spills to local disk (the output folder, or the temp directory for s3:// output). Without it (and without threads) the run shares the process's DuckDB database and spills, if ever, under the temp directory (TMPDIR): set it for big days.")]
    [RegularExpression(Validation.ByteSize.Pattern)]
    public string? MemoryLimit { get; set; }

    [JsonPropertyName("threads")]
    [Description("Embedded engine: DuckDB worker threads; 0 means one per core.")]
    [Range(0, 256)]
    [DefaultValue(0)]
    public int Threads { get; set; }

    [JsonPropertyName("runner")]
    [Description("Embedded engine: where the transform runs. operator (default): inside the operator pod, for small runs. job: in a batch/v1 Job of its own, with requests and limits from memoryLimit and threads, so the operator pod stays small however big the day is; needs s3:// manifest and output locations (the Job's pod has its own disk).")]
    [DefaultValue(TransformRunner.Operator)]
    public TransformRunner Runner { get; set; } = TransformRunner.Operator;
}

[JsonConverter(typeof(JsonStringEnumConverter<TransformRunner>))]
public enum TransformRunner
{
    [JsonStringEnumMemberName("operator")] Operator,
    [JsonStringEnumMemberName("job")] Job,
}

public sealed class QuerySpec
{
    [JsonPropertyName("sets")]
    [Description("Which report query sets run: main, additional, specific.")]
    [ListType("set")]
    public IList<QuerySet> Sets { get; set; } = new List<QuerySet> { QuerySet.Main };

    [JsonPropertyName("idsPerCollection")]
    [Description("How many example ids per collection the id-listing queries return.")]
    [Range(1, 10_000)]
    [DefaultValue(10)]
    public int IdsPerCollection { get; set; } = 10;

    [JsonPropertyName("maxConcurrentQueries")]
    [Description("Most report queries running at once.")]
    [Range(1, 20)]
    [DefaultValue(4)]
    public int MaxConcurrentQueries { get; set; } = 4;

    [JsonPropertyName("workgroup")]
    [Description("Athena workgroup (engine aws).")]
    public string? Workgroup { get; set; }

    [JsonPropertyName("database")]
    [Description("Glue catalog database holding the result tables (engine aws).")]
    [RegularExpression("^[a-z_][a-z0-9_]{0,254}$")]
    public string? Database { get; set; }

    [JsonPropertyName("outputLocation")]
    [Description("s3:// location for Athena's own query results (engine aws).")]
    public string? OutputLocation { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<QuerySet>))]
public enum QuerySet
{
    [JsonStringEnumMemberName("main")] Main,
    [JsonStringEnumMemberName("additional")] Additional,
    [JsonStringEnumMemberName("specific")] Specific,
}

public sealed class VerificationSpec
{
    [JsonPropertyName("maxMissingExports")]
    [Description("Most imported records allowed to be missing from the export before the run fails.")]
    [Range(0, long.MaxValue)]
    [DefaultValue(0)]
    public long MaxMissingExports { get; set; }

    [JsonPropertyName("maxMissingImports")]
    [Description("Most exported records allowed to be missing from the import; unset: never fails the run.")]
    [Range(0, long.MaxValue)]
    public long? MaxMissingImports { get; set; }

    [JsonPropertyName("maxMismatchedTimestamps")]
    [Description("Most records allowed with different timestamps on each side; unset: never fails the run.")]
    [Range(0, long.MaxValue)]
    public long? MaxMismatchedTimestamps { get; set; }

    [JsonPropertyName("failOnMissingCollections")]
    [Description("Fail when a collection has imports but no exports at all.")]
    [DefaultValue(true)]
    public bool FailOnMissingCollections { get; set; } = true;

    [JsonPropertyName("failOnMissingDatabases")]
    [Description("Fail when a database has imports but no exports at all.")]
    [DefaultValue(true)]
    public bool FailOnMissingDatabases { get; set; } = true;

    [JsonPropertyName("maxRejectedLines")]
    [Description("Most manifest lines allowed to be rejected (unreadable: bad timestamp, empty id, database or " +
                 "collection) before the run fails with RejectedLines.")]
    [Range(0, 1_000_000_000)]
    [DefaultValue(0)]
    public long MaxRejectedLines { get; set; }

    [JsonPropertyName("allowEmptyWindow")]
    [Description("Let a window with no imported record succeed; by default it fails with NoRecords.")]
    [DefaultValue(false)]
    public bool AllowEmptyWindow { get; set; }

    public const int MaxCollectionRules = 100;

    [JsonPropertyName("collections")]
    [Description("Per-collection rules: own thresholds, or ignore. The first entry matching a collection decides for it; at most 100 entries.")]
    [MaxLength(MaxCollectionRules)]
    public IList<CollectionRule> Collections { get; set; } = new List<CollectionRule>();

    public const int DefaultSampleSize = 10;
    public const int MaxSampleSize = 100;

    [JsonPropertyName("sampleSize")]
    [Description("How many records of each kind (missing exports, missing imports, mismatched timestamps) " +
                 "status.results.samples lists, smallest ids first; 0 lists none. At most 100.")]
    [Range(0, MaxSampleSize)]
    [DefaultValue(DefaultSampleSize)]
    public int SampleSize { get; set; } = DefaultSampleSize;
}

public sealed class NotificationsSpec
{
    [JsonPropertyName("slack")]
    [Description("Slack incoming-webhook notifications; none are sent when unset.")]
    public SlackSpec? Slack { get; set; }
}

[Description("Slack incoming webhooks. A webhook created by a Slack app posts to its one channel and ignores " +
             "'channel', so give successWebhookSecretRef and failureWebhookSecretRef to reach two channels; a legacy " +
             "webhook (webhookSecretRef) is told the channel by successChannel and failureChannel. Failures always " +
             "need a webhook: failureWebhookSecretRef or webhookSecretRef.")]
[ValidationRule("!has(self.successWebhookSecretRef) || has(self.failureWebhookSecretRef) || has(self.webhookSecretRef)",
    "failureWebhookSecretRef (or webhookSecretRef) is required when successWebhookSecretRef is set: failed runs would not be announced",
    FieldPath = ".failureWebhookSecretRef")]
public sealed class SlackSpec
{
    [JsonPropertyName("webhookSecretRef")]
    [Description("Secret key holding the incoming-webhook URL used for every outcome that has no webhook of its own; its messages name successChannel or failureChannel.")]
    public SecretKeyRef? WebhookSecretRef { get; set; }

    [JsonPropertyName("successWebhookSecretRef")]
    [Description("Secret key holding the webhook URL for runs that verified clean (a Slack app's webhook for the success channel); no channel is sent with it. Unset: successes go to webhookSecretRef, or are not announced when only failureWebhookSecretRef is set.")]
    public SecretKeyRef? SuccessWebhookSecretRef { get; set; }

    [JsonPropertyName("failureWebhookSecretRef")]
    [Description("Secret key holding the webhook URL for failed runs and missing records; no channel is sent with it. Unset: failures go to webhookSecretRef.")]
    public SecretKeyRef? FailureWebhookSecretRef { get; set; }

    [JsonPropertyName("successChannel")]
    [Description("Channel for runs that verified clean (legacy webhooks only).")]
    [DefaultValue("#dataworks-aws-production-notifications")]
    public string SuccessChannel { get; set; } = "#dataworks-aws-production-notifications";

    [JsonPropertyName("failureChannel")]
    [Description("Channel for failed runs and missing records (legacy webhooks only).")]
    [DefaultValue("#dataworks-aws-critical-alerts")]
    public string FailureChannel { get; set; } = "#dataworks-aws-critical-alerts";

    [JsonPropertyName("username")]
    [Description("Display name of the message sender.")]
    public string? Username { get; set; }
}

public sealed class SecretKeyRef
{
    [JsonPropertyName("name")]
    [Description("Name of a Secret in the resource's namespace.")]
    [Required]
    [MinLength(1)]
    public string Name { get; set; } = "";

    [JsonPropertyName("key")]
    [Description("Key within the Secret.")]
    [Required]
    [MinLength(1)]
    public string Key { get; set; } = "";
}

public sealed class TimeoutsSpec
{
    public const string DurationPattern = "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$";

    [JsonPropertyName("coalesce")]
    [Description("Longest the coalesce phase may run.")]
    [RegularExpression(DurationPattern)]
    [DefaultValue("2h")]
    public string Coalesce { get; set; } = "2h";

    [JsonPropertyName("transform")]
    [Description("Longest the transform phase may run.")]
    [RegularExpression(DurationPattern)]
    [DefaultValue("3h")]
    public string Transform { get; set; } = "3h";

    [JsonPropertyName("query")]
    [Description("Longest the query phase may run.")]
    [RegularExpression(DurationPattern)]
    [DefaultValue("1h")]
    public string Query { get; set; } = "1h";
}

public sealed class RetentionSpec
{
    /// <summary>A whole number of days from 1d to 3650d: the bound is in the pattern, so the CRD enforces it.</summary>
    public const string KeepRunsPattern = "^([1-9]|[1-9][0-9]|[1-9][0-9]{2}|[1-2][0-9]{3}|3[0-5][0-9]{2}|36[0-4][0-9]|3650)d$";

    [JsonPropertyName("keepRuns")]
    [Description("After each run's verification, this resource's earlier runs whose newest object under <output>/runs/<run>/ is older than this are deleted, with their Athena catalog tables (engine aws). Whole days from 1d to 3650d, such as '30d'. Reports under <output>/results/ are kept. Unset: nothing is deleted.")]
    [RegularExpression(KeepRunsPattern)]
    public string? KeepRuns { get; set; }

    /// <summary>The kept span, or null when unset or not a valid value.</summary>
    public TimeSpan? KeepRunsSpan() =>
        KeepRuns is { } text && System.Text.RegularExpressions.Regex.IsMatch(text, KeepRunsPattern)
            ? TimeSpan.FromDays(int.Parse(text[..^1], System.Globalization.CultureInfo.InvariantCulture))
            : null;
}

public sealed class RetriesSpec
{
    [JsonPropertyName("coalesce")]
    [Description("Retries of a failed coalesce phase.")]
    [Range(0, 10)]
    [DefaultValue(2)]
    public int Coalesce { get; set; } = 2;

    [JsonPropertyName("transform")]
    [Description("Retries of a failed transform phase.")]
    [Range(0, 10)]
    [DefaultValue(2)]
    public int Transform { get; set; } = 2;

    [JsonPropertyName("query")]
    [Description("Retries of a failed query phase.")]
    [Range(0, 10)]
    [DefaultValue(1)]
    public int Query { get; set; } = 1;
}
