using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KafkaRecon.Entities;
using KafkaRecon.Entities.Crd;

namespace KafkaRecon.Tests.Crd;

public sealed class CrdSchemaValidationTests
{
    private const string AwsSample = "config/samples/kafkarecon_v1alpha1_kafkareconciliation_aws.yaml";
    private const string EmbeddedSample = "config/samples/kafkarecon_v1alpha1_kafkareconciliation_embedded.yaml";

    private static readonly V1JSONSchemaProps Schema =
        CrdGenerator.Generate<KafkaReconciliation>().Spec.Versions.Single().Schema.OpenAPIV3Schema;

    [Theory]
    [InlineData(AwsSample)]
    [InlineData(EmbeddedSample)]
    public void Committed_samples_are_accepted(string relativePath)
    {
        var sample = YamlJson.ReadSingle(RepositoryRoot.ReadText(relativePath));
        Assert.Empty(StructuralSchemaValidator.Validate(sample, Schema));
    }

    [Fact]
    public void A_fully_populated_resource_as_the_client_serializes_it_is_accepted()
    {
        var json = JsonNode.Parse(KubernetesJson.Serialize(FullyPopulated()));
        Assert.Empty(StructuralSchemaValidator.Validate(json, Schema));
    }

    [Fact]
    public void The_client_omits_unset_optional_fields_so_the_schema_needs_no_nullable_marker()
    {
        var sparse = new KafkaReconciliation
        {
            Metadata = new V1ObjectMeta { Name = "sparse" },
            Status = new KafkaReconciliationStatus { Conditions = [new V1Condition { Type = "Ready", Status = "Unknown" }] },
        };
        Assert.DoesNotContain("null", KubernetesJson.Serialize(sparse), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("spec.engine", "\"gcp\"", "Unsupported value")]
    [InlineData("spec.window.marginMinutes", "2000", "less than or equal to 1440")]
    [InlineData("spec.window.marginMinutes", "-1", "greater than or equal to 0")]
    [InlineData("spec.window.marginMinutes", "1.5", "must be of type integer")]
    [InlineData("spec.window.start", "\"yesterday\"", "must be of type date-time")]
    [InlineData("spec.query.database", "\"Bad-Name\"", "should match")]
    [InlineData("spec.query.maxConcurrentQueries", "0", "greater than or equal to 1")]
    [InlineData("spec.timeouts.query", "\"2 hours\"", "should match")]
    [InlineData("spec.retries.coalesce", "11", "less than or equal to 10")]
    [InlineData("spec.manifests.importLocation", "\"\"", "at least 1 chars long")]
    [InlineData("spec.coalesce.maxBytes", "100", "greater than or equal to 1024")]
    [InlineData("spec.suspend", "\"yes\"", "must be of type boolean")]
    [InlineData("spec.transform.arguments", "{\"--x\": 1}", "must be of type string")]
    [InlineData("spec.colour", "\"blue\"", "unknown field")]
    [InlineData("spec.query.sets", "[\"main\", \"main\"]", "Duplicate value")]
    public void Bad_spec_values_are_rejected_at_their_field(string field, string json, string expected)
    {
        var resource = YamlJson.ReadSingle(RepositoryRoot.ReadText(AwsSample))!;
        Set(resource, field, JsonNode.Parse(json));
        var violation = Assert.Single(StructuralSchemaValidator.Validate(resource, Schema));
        Assert.StartsWith(field, violation.Field, StringComparison.Ordinal);
        Assert.Contains(expected, violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("spec.manifests")]
    [InlineData("spec.output.location")]
    [InlineData("spec.notifications.slack.webhookSecretRef.key")]
    public void Missing_required_fields_are_rejected(string field)
    {
        var resource = YamlJson.ReadSingle(RepositoryRoot.ReadText(AwsSample))!;
        var parent = field[..field.LastIndexOf('.')];
        Resolve(resource, parent)!.AsObject().Remove(field[(field.LastIndexOf('.') + 1)..]);
        var violation = Assert.Single(StructuralSchemaValidator.Validate(resource, Schema));
        Assert.Equal((field, "Required value"), (violation.Field, violation.Message));
    }

    [Theory]
    [InlineData("status", "\"Maybe\"", "reason", "Done", "Unsupported value")]
    [InlineData("status", "\"True\"", "reason", "has spaces", "should match")]
    [InlineData("status", "\"True\"", "reason", "", "at least 1 chars long")]
    public void Bad_conditions_are_rejected(string _, string status, string field, string reason, string expected)
    {
        var resource = StatusWithConditions(
            $"{{\"type\":\"Ready\",\"status\":{status},\"{field}\":\"{reason}\",\"message\":\"\",\"lastTransitionTime\":\"2026-01-02T03:04:05Z\"}}");
        var violations = StructuralSchemaValidator.Validate(resource, Schema);
        Assert.NotEmpty(violations);
        Assert.All(violations, violation => Assert.StartsWith("status.conditions[0]", violation.Field, StringComparison.Ordinal));
        Assert.Contains(violations, violation => violation.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_conditions_of_one_type_are_rejected()
    {
        const string ready = "{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"Done\",\"message\":\"\",\"lastTransitionTime\":\"2026-01-02T03:04:05Z\"}";
        var violation = Assert.Single(StructuralSchemaValidator.Validate(StatusWithConditions(ready, ready), Schema));
        Assert.Equal("status.conditions[1]", violation.Field);
        Assert.StartsWith("Duplicate value", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_phase_in_status_is_rejected()
    {
        var resource = YamlJson.ReadSingle(RepositoryRoot.ReadText(AwsSample))!;
        resource["status"] = new JsonObject { ["phase"] = "Exploded" };
        var violation = Assert.Single(StructuralSchemaValidator.Validate(resource, Schema));
        Assert.Equal("status.phase", violation.Field);
    }

    private static JsonNode StatusWithConditions(params string[] conditions)
    {
        var resource = YamlJson.ReadSingle(RepositoryRoot.ReadText(AwsSample))!;
        resource["status"] = JsonNode.Parse($"{{\"conditions\":[{string.Join(",", conditions)}]}}");
        return resource;
    }

    private static KafkaReconciliation FullyPopulated()
    {
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var phase = new PhaseRecord
        {
            State = PhaseState.Running,
            IdempotencyKey = "0123456789abcdef0123456789abcdef",
            ExternalIds = ["job-1"],
            StartTime = at,
            NextAttemptTime = at,
            Reason = "Progressing",
            Message = "running",
            OutputLocation = "s3://out/run",
            Jobs = [new JobSummary { Name = "coalesce-0", Id = "job-1", State = "RUNNING" }],
        };
        return new KafkaReconciliation
        {
            Metadata = new V1ObjectMeta { Name = "full", NamespaceProperty = "default" },
            Spec = new KafkaReconciliationSpec
            {
                Window = new WindowSpec { Start = at, End = at.AddDays(1), MarginMinutes = 5 },
                Engine = EngineKind.Embedded,
                Manifests = new ManifestsSpec { ImportLocation = "s3://m/import", ExportLocation = "s3://m/export" },
                Output = new OutputSpec { Location = "s3://out" },
                Coalesce = new CoalesceSpec { Partitions = [0, 1], JobQueue = "q", JobDefinition = "d" },
                Transform = new TransformSpec { GlueJobName = "g", Arguments = { ["--a"] = "b" }, MemoryLimit = "1GB", Threads = 2 },
                Query = new QuerySpec { Sets = [QuerySet.Main, QuerySet.Specific], Workgroup = "w", Database = "recon_db", OutputLocation = "s3://athena" },
                Verification = new VerificationSpec { MaxMissingImports = 3, MaxMismatchedTimestamps = 4 },
                Notifications = new NotificationsSpec
                {
                    Slack = new SlackSpec { WebhookSecretRef = new SecretKeyRef { Name = "s", Key = "k" }, Username = "bot" },
                },
                Suspend = true,
            },
            Status = new KafkaReconciliationStatus
            {
                Phase = ReconciliationPhase.Coalescing,
                ObservedGeneration = 2,
                Conditions =
                [
                    new V1Condition { Type = "Reconciling", Status = "True", Reason = "Progressing", Message = "Coalescing", LastTransitionTime = at.UtcDateTime, ObservedGeneration = 2 },
                    new V1Condition { Type = "Ready", Status = "Unknown", Reason = "Progressing", Message = "", LastTransitionTime = at.UtcDateTime, ObservedGeneration = 2 },
                ],
                RunId = "full-20260102",
                StartTime = at,
                CompletionTime = at,
                Window = new ResolvedWindow { Start = at, End = at.AddDays(1), MarginMinutes = 5 },
                Phases = new PhaseRecords { Coalesce = phase, Transform = phase, Query = phase, Verify = phase },
                Results = new ReconciliationResults { Imported = 10, Exported = 9, MissingExports = 1, ReportLocation = "s3://out/report.json" },
                TopCollections = [new CollectionResult { Database = "db", Collection = "c", Imported = 10, Exported = 9, MissingExports = 1 }],
                Notification = new NotificationRecord { Id = "n", Outcome = "Failed", SentTime = at, Message = "sent" },
                LastRerunToken = "t1",
                Attempt = 2,
            },
        };
    }

    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        var parent = Resolve(root, path[..path.LastIndexOf('.')])!;
        parent[path[(path.LastIndexOf('.') + 1)..]] = value;
    }

    private static JsonNode? Resolve(JsonNode root, string path) =>
        path.Split('.').Aggregate((JsonNode?)root, (node, field) => node?[field]);
}
