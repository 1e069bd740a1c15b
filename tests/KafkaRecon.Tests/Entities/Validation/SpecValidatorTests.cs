using KafkaRecon.Entities;
using KafkaRecon.Entities.Validation;

namespace KafkaRecon.Tests.Entities.Validation;

/// <summary>One row per rule of <see cref="SpecValidator"/>: a valid spec with one field broken names that field.</summary>
public sealed class SpecValidatorTests
{
    public static TheoryData<string, Action<KafkaReconciliationSpec>, string> BrokenSpecs() => new()
    {
        // Sections
        { "manifests section", s => s.Manifests = null!, "spec.manifests" },
        { "output section", s => s.Output = null!, "spec.output" },
        { "retries section", s => s.Retries = null!, "spec.retries" },
        // Locations
        { "empty output", s => s.Output.Location = "", "spec.output.location" },
        { "null import", s => s.Manifests.ImportLocation = null!, "spec.manifests.importLocation" },
        { "NUL in a path", s => s.Output.Location = "/tmp/a\0b", "spec.output.location" },
        { "glob star", s => s.Manifests.ImportLocation = "/data/*", "spec.manifests.importLocation" },
        { "glob bracket", s => s.Manifests.ExportLocation = "/data/[x]", "spec.manifests.exportLocation" },
        { "S3 without bucket", s => s.Output.Location = "s3://", "spec.output.location" },
        { "S3 with an empty bucket", s => s.Output.Location = "s3:///out", "spec.output.location" },
        { "import equals export", s => s.Manifests.ExportLocation = "/data/import/", "spec.manifests.exportLocation" },
        { "export inside import", s => s.Manifests.ExportLocation = "/data/import/export", "spec.manifests.exportLocation" },
        { "output inside import", s => s.Output.Location = "/data/import/out", "spec.output.location" },
        { "output equals export", s => s.Output.Location = "/data/export", "spec.output.location" },
        // Window
        { "end before start", s => s.Window = Window(Day, Day.AddHours(-1)), "spec.window.end" },
        { "400-day window", s => s.Window = Window(Day, Day.AddDays(400)), "spec.window.end" },
        { "negative margin", s => s.Window.MarginMinutes = -1, "spec.window.marginMinutes" },
        { "margin over a day", s => s.Window.MarginMinutes = 1441, "spec.window.marginMinutes" },
        // Retention
        { "keepRuns in hours", s => s.Retention.KeepRuns = "48h", "spec.retention.keepRuns" },
        { "keepRuns of zero days", s => s.Retention.KeepRuns = "0d", "spec.retention.keepRuns" },
        { "keepRuns over ten years", s => s.Retention.KeepRuns = "3651d", "spec.retention.keepRuns" },
        { "keepRuns shorter than a run may take", s => { s.Retention.KeepRuns = "1d"; s.Timeouts.Transform = "30h"; }, "spec.retention.keepRuns" },
        // Numbers
        { "negative maxMissingExports", s => s.Verification.MaxMissingExports = -1, "spec.verification.maxMissingExports" },
        { "negative maxMissingImports", s => s.Verification.MaxMissingImports = -1, "spec.verification.maxMissingImports" },
        { "negative maxMismatchedTimestamps", s => s.Verification.MaxMismatchedTimestamps = -1, "spec.verification.maxMismatchedTimestamps" },
        { "negative idsPerCollection", s => s.Query.IdsPerCollection = -5, "spec.query.idsPerCollection" },
        { "negative sampleSize", s => s.Verification.SampleSize = -1, "spec.verification.sampleSize" },
        { "sampleSize over 100", s => s.Verification.SampleSize = 101, "spec.verification.sampleSize" },
        // Collection rules
        { "collection rule without a database pattern", s => s.Verification.Collections = [new CollectionRule { Collection = "*" }],
            "spec.verification.collections[0].database" },
        { "collection rule with a negative limit", s => s.Verification.Collections =
            [new CollectionRule { Database = "*", Collection = "*" }, new CollectionRule { Database = "db", Collection = "c", MaxMissingExports = -1 }],
            "spec.verification.collections[1].maxMissingExports" },
        { "ignoring collection rule with a limit", s => s.Verification.Collections =
            [new CollectionRule { Database = "test", Collection = "*", Ignore = true, MaxMissingImports = 5 }],
            "spec.verification.collections[0].ignore" },
        // Slack
        { "success webhook without a failure webhook", s => s.Notifications.Slack = new SlackSpec
            {
                SuccessWebhookSecretRef = new SecretKeyRef { Name = "slack", Key = "ok" },
            }, "spec.notifications.slack.failureWebhookSecretRef" },
        { "failure webhook with an empty key", s => s.Notifications.Slack = new SlackSpec
            {
                FailureWebhookSecretRef = new SecretKeyRef { Name = "slack", Key = "" },
            }, "spec.notifications.slack.failureWebhookSecretRef.key" },
        { "zero concurrent queries", s => s.Query.MaxConcurrentQueries = 0, "spec.query.maxConcurrentQueries" },
        { "negative retries", s => s.Retries.Query = -1, "spec.retries.query" },
        { "absurd retries", s => s.Retries.Transform = 1000, "spec.retries.transform" },
        { "threads 100000", s => s.Transform.Threads = 100_000, "spec.transform.threads" },
        { "negative threads", s => s.Transform.Threads = -1, "spec.transform.threads" },
        { "coalesce maxFiles 1", s => s.Coalesce.MaxFiles = 1, "spec.coalesce.maxFiles" },
        { "coalesce maxBytes tiny", s => s.Coalesce.MaxBytes = 10, "spec.coalesce.maxBytes" },
        // Sizes and durations
        { "memoryLimit 1B", s => s.Transform.MemoryLimit = "1B", "spec.transform.memoryLimit" },
        { "memoryLimit not a size", s => s.Transform.MemoryLimit = "4GB'; DROP TABLE x; --", "spec.transform.memoryLimit" },
        { "timeout not a duration", s => s.Timeouts.Query = "forever", "spec.timeouts.query" },
        { "zero timeout", s => s.Timeouts.Transform = "0s", "spec.timeouts.transform" },
        { "no query sets", s => s.Query.Sets.Clear(), "spec.query.sets" },
        // AWS engine
        { "aws without Glue job", s => Aws(s).Transform.GlueJobName = null, "spec.transform.glueJobName" },
        { "aws without database", s => Aws(s).Query.Database = null, "spec.query.database" },
        { "aws database not an identifier", s => Aws(s).Query.Database = "Manifest-ETL", "spec.query.database" },
        { "aws database with SQL in it", s => Aws(s).Query.Database = "etl; DROP TABLE x", "spec.query.database" },
        { "aws without job queue", s => Aws(s).Coalesce.JobQueue = null, "spec.coalesce.jobQueue" },
        { "aws without job definition", s => Aws(s).Coalesce.JobDefinition = " ", "spec.coalesce.jobDefinition" },
        { "aws with a local folder", s => Aws(s).Manifests.ImportLocation = "/data/import", "spec.manifests.importLocation" },
        { "aws Athena results not on S3", s => Aws(s).Query.OutputLocation = "/tmp/athena", "spec.query.outputLocation" },
        { "aws quote in a location", s => Aws(s).Output.Location = "s3://b/it's", "spec.output.location" },
        { "database names neither asIs nor hyphenate", s => s.Comparison.DatabaseNames = (DatabaseNames)7, "spec.comparison.databaseNames" },
    };

    [Theory]
    [MemberData(nameof(BrokenSpecs))]
    public void Broken_field_is_reported_by_name(string rule, Action<KafkaReconciliationSpec> breakIt, string field)
    {
        var spec = ValidEmbedded();
        breakIt(spec);
        var errors = SpecValidator.Validate(spec);
        Assert.True(errors.Any(error => error.Field == field), $"{rule}: expected an error on {field}, got [{string.Join("; ", errors)}]");
    }

    [Fact]
    public void Valid_embedded_spec_has_no_errors() => Assert.Empty(SpecValidator.Validate(ValidEmbedded()));

    [Fact]
    public void Failure_only_and_per_outcome_slack_webhooks_are_valid()
    {
        var failureOnly = ValidEmbedded();
        failureOnly.Notifications.Slack = new SlackSpec { FailureWebhookSecretRef = new SecretKeyRef { Name = "s", Key = "k" } };
        var both = ValidEmbedded();
        both.Notifications.Slack = new SlackSpec
        {
            SuccessWebhookSecretRef = new SecretKeyRef { Name = "s", Key = "ok" },
            FailureWebhookSecretRef = new SecretKeyRef { Name = "s", Key = "alerts" },
        };

        Assert.Empty(SpecValidator.Validate(failureOnly));
        Assert.Empty(SpecValidator.Validate(both));
    }

    [Fact]
    public void Valid_aws_spec_has_no_errors() => Assert.Empty(SpecValidator.Validate(Aws(ValidEmbedded())));

    [Fact]
    public void Aws_spec_with_coalesce_disabled_needs_no_batch_settings()
    {
        var spec = Aws(ValidEmbedded());
        spec.Coalesce = new CoalesceSpec { Enabled = false };
        Assert.Empty(SpecValidator.Validate(spec));
    }

    [Theory]
    [InlineData("128MiB")]
    [InlineData("4GB")]
    [InlineData("1.5GiB")]
    public void Memory_limit_of_a_sensible_size_is_valid(string limit)
    {
        var spec = ValidEmbedded();
        spec.Transform.MemoryLimit = limit;
        Assert.Empty(SpecValidator.Validate(spec));
    }

    [Fact]
    public void Window_of_31_days_is_valid()
    {
        var spec = ValidEmbedded();
        spec.Window = Window(Day, Day.AddDays(31));
        Assert.Empty(SpecValidator.Validate(spec));
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("../../escaped-run", "DNS-1123")]
    [InlineData("Upper", "DNS-1123")]
    [InlineData("a_b", "DNS-1123")]
    [InlineData("-a", "DNS-1123")]
    [InlineData("a-", "DNS-1123")]
    public void Resource_name_outside_the_kubernetes_rule_is_rejected(string? name, string expected)
    {
        var resource = new KafkaReconciliation { Metadata = new() { Name = name }, Spec = ValidEmbedded() };
        var error = Assert.Single(SpecValidator.Validate(resource));
        Assert.Equal("metadata.name", error.Field);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Resource_name_too_long_for_its_run_folder_is_rejected()
    {
        var resource = new KafkaReconciliation { Metadata = new() { Name = new string('a', 300) }, Spec = ValidEmbedded() };
        Assert.Contains("at most 230", Assert.Single(SpecValidator.Validate(resource)).Message);
    }

    [Theory]
    [InlineData("nightly-20240301")]
    [InlineData("recon.team-a")]
    [InlineData("a")]
    public void Resource_name_following_the_kubernetes_rule_is_valid(string name) =>
        Assert.Empty(SpecValidator.Validate(new KafkaReconciliation { Metadata = new() { Name = name }, Spec = ValidEmbedded() }));

    private static readonly DateTimeOffset Day = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static WindowSpec Window(DateTimeOffset start, DateTimeOffset end) => new() { Start = start, End = end };

    [Theory]
    [InlineData("spec.manifests.importLocation")]
    [InlineData("spec.manifests.exportLocation")]
    [InlineData("spec.output.location")]
    public void Job_runner_rejects_a_local_folder_naming_the_field_and_the_runner(string field)
    {
        var spec = InS3(ValidEmbedded());
        spec.Transform.Runner = TransformRunner.Job;
        switch (field)
        {
            case "spec.manifests.importLocation": spec.Manifests.ImportLocation = "/data/import"; break;
            case "spec.manifests.exportLocation": spec.Manifests.ExportLocation = "/data/export"; break;
            default: spec.Output.Location = "/data/output"; break;
        }

        var error = Assert.Single(SpecValidator.Validate(spec));

        Assert.Equal(field, error.Field);
        Assert.Contains("spec.transform.runner 'job'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Job_runner_with_s3_locations_is_valid_and_the_operator_runner_keeps_local_folders()
    {
        var job = InS3(ValidEmbedded());
        job.Transform.Runner = TransformRunner.Job;

        Assert.Empty(SpecValidator.Validate(job));
        Assert.Empty(SpecValidator.Validate(ValidEmbedded()));
        Assert.Equal(TransformRunner.Operator, ValidEmbedded().Transform.Runner);
    }

    [Fact]
    public void Job_runner_with_the_aws_engine_is_rejected_on_the_runner_field()
    {
        var spec = Aws(ValidEmbedded());
        spec.Transform.Runner = TransformRunner.Job;

        var error = Assert.Single(SpecValidator.Validate(spec));

        Assert.Equal("spec.transform.runner", error.Field);
    }

    private static KafkaReconciliationSpec InS3(KafkaReconciliationSpec spec)
    {
        spec.Manifests = new ManifestsSpec { ImportLocation = "s3://m/import", ExportLocation = "s3://m/export" };
        spec.Output = new OutputSpec { Location = "s3://m/output" };
        return spec;
    }

    private static KafkaReconciliationSpec ValidEmbedded() => new()
    {
        Engine = EngineKind.Embedded,
        Manifests = new ManifestsSpec { ImportLocation = "/data/import", ExportLocation = "/data/export" },
        Output = new OutputSpec { Location = "/data/output" },
    };

    private static KafkaReconciliationSpec Aws(KafkaReconciliationSpec spec)
    {
        spec.Engine = EngineKind.Aws;
        spec.Manifests = new ManifestsSpec { ImportLocation = "s3://m/import", ExportLocation = "s3://m/export" };
        spec.Output = new OutputSpec { Location = "s3://m/output" };
        spec.Coalesce.JobQueue = "queue";
        spec.Coalesce.JobDefinition = "coalescer";
        spec.Transform.GlueJobName = "recon-etl";
        spec.Query.Database = "recon";
        return spec;
    }
}
