using System.Text.Json.Nodes;
using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Scheduling;

namespace KafkaRecon.Tests.Scheduling;

public sealed class ResourceTemplateTests
{
    internal const string Template = """
        apiVersion: kafkarecon.io/v1alpha1
        kind: KafkaReconciliation
        metadata:
          name: template-name
          uid: 1234
          resourceVersion: "99"
          labels:
            team: dataworks
        spec:
          engine: embedded
          window:
            marginMinutes: 5
          manifests:
            importLocation: s3://manifests/streaming
            exportLocation: s3://manifests/export/incremental
          output:
            location: s3://manifests/query-output
          query:
            idsPerCollection: 25
          verification:
            failOnMissingCollections: false
          futureField: kept
        status:
          phase: Succeeded
        """;

    private static readonly ScheduleWindow Window = new(
        new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));

    private static JsonObject Instantiate(string yaml = Template) =>
        ResourceTemplate.Parse(yaml, "test template").Instantiate("nightly-20261125", "recon", "nightly", Window);

    [Fact]
    public void Instance_gets_the_schedule_name_namespace_label_and_window()
    {
        var resource = KubernetesJson.Deserialize<KafkaReconciliation>(Instantiate().ToJsonString());
        Assert.Equal("nightly-20261125", resource.Metadata.Name);
        Assert.Equal("recon", resource.Metadata.NamespaceProperty);
        Assert.Equal("nightly", resource.Metadata.Labels[WellKnown.ScheduleLabel]);
        Assert.Equal("dataworks", resource.Metadata.Labels["team"]);
        Assert.Equal(Window.Start, resource.Spec.Window.Start);
        Assert.Equal(Window.End, resource.Spec.Window.End);
    }

    [Fact]
    public void Instance_keeps_the_template_spec_with_its_types()
    {
        var resource = KubernetesJson.Deserialize<KafkaReconciliation>(Instantiate().ToJsonString());
        Assert.Equal(EngineKind.Embedded, resource.Spec.Engine);
        Assert.Equal(5, resource.Spec.Window.MarginMinutes);
        Assert.Equal(25, resource.Spec.Query.IdsPerCollection);
        Assert.False(resource.Spec.Verification.FailOnMissingCollections);
        Assert.Equal("s3://manifests/streaming", resource.Spec.Manifests.ImportLocation);
    }

    [Fact]
    public void Instance_drops_status_and_server_owned_metadata()
    {
        var resource = Instantiate();
        Assert.Null(resource["status"]);
        Assert.Null(resource["metadata"]!["uid"]);
        Assert.Null(resource["metadata"]!["resourceVersion"]);
    }

    [Fact]
    public void Fields_unknown_to_this_version_pass_through()
    {
        Assert.Equal("kept", (string?)Instantiate()["spec"]!["futureField"]);
    }

    [Fact]
    public void Template_without_metadata_or_window_still_instantiates()
    {
        var resource = Instantiate("spec:\n  manifests:\n    importLocation: /in\n");
        Assert.Equal("nightly-20261125", (string?)resource["metadata"]!["name"]);
        Assert.Equal("2026-11-25T00:00:00Z", (string?)resource["spec"]!["window"]!["start"]);
        Assert.Equal(KafkaReconciliation.EntityKind, (string?)resource["kind"]);
    }

    [Theory]
    [InlineData("kind: ConfigMap\nspec: {}\n", "kind 'ConfigMap'")]
    [InlineData("apiVersion: kafkarecon.io/v1\nspec: {}\n", "apiVersion 'kafkarecon.io/v1'")]
    [InlineData("metadata:\n  name: x\n", "no 'spec'")]
    [InlineData("- a\n- b\n", "must be a YAML mapping")]
    [InlineData("", "is empty")]
    [InlineData("spec: {}\n---\nspec: {}\n", "2 YAML documents")]
    [InlineData("spec: [unclosed\n", "not valid YAML at line")]
    [InlineData("spec:\n  ? [a, b]\n  : c\n", "keys must be plain text")]
    public void Rejects_templates_that_are_not_one_KafkaReconciliation(string yaml, string expected)
    {
        var error = Assert.Throws<ScheduleInputException>(() => ResourceTemplate.Parse(yaml, "test template"));
        Assert.Contains(expected, error.Message);
        Assert.Contains("test template", error.Message);
    }
}
