using KafkaRecon.Entities;
using KafkaRecon.Operator.Cli;

namespace KafkaRecon.Tests.Cli;

public sealed class ResourceFileTests
{
    private const string Valid = """
        apiVersion: kafkarecon.io/v1alpha1
        kind: KafkaReconciliation
        metadata:
          name: nightly-20261125
          namespace: recon
          labels:
            kafkarecon.io/schedule: nightly
        spec:
          engine: embedded
          window:
            start: "2026-11-25T00:00:00Z"
            end: 2026-11-26T00:00:00Z
            marginMinutes: 5
          manifests:
            importLocation: /data/import
            exportLocation: s3://bucket/export
          output:
            location: /data/out
          query:
            sets: [main, additional]
            idsPerCollection: 3
          verification:
            maxMissingExports: 2
            maxMissingImports: 0
            failOnMissingCollections: false
        """;

    [Fact]
    public void Yaml_resource_is_read_with_types_and_defaults()
    {
        var resource = ResourceFile.Parse(Valid, "recon.yaml");
        Assert.Equal("nightly-20261125", resource.Metadata.Name);
        Assert.Equal("nightly", resource.Metadata.Labels["kafkarecon.io/schedule"]);
        Assert.Equal(EngineKind.Embedded, resource.Spec.Engine);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero), resource.Spec.Window.End);
        Assert.Equal(5, resource.Spec.Window.MarginMinutes);
        Assert.Equal([QuerySet.Main, QuerySet.Additional], resource.Spec.Query.Sets);
        Assert.Equal(3, resource.Spec.Query.IdsPerCollection);
        Assert.Equal(2, resource.Spec.Verification.MaxMissingExports);
        Assert.Equal(0, resource.Spec.Verification.MaxMissingImports);
        Assert.Null(resource.Spec.Verification.MaxMismatchedTimestamps);
        Assert.False(resource.Spec.Verification.FailOnMissingCollections);
        Assert.True(resource.Spec.Verification.FailOnMissingDatabases);
        Assert.Equal(4, resource.Spec.Query.MaxConcurrentQueries);
    }

    [Fact]
    public void Json_resource_is_read_too()
    {
        var resource = ResourceFile.Parse("""
            {"apiVersion":"kafkarecon.io/v1alpha1","kind":"KafkaReconciliation","metadata":{"name":"a"},
             "spec":{"engine":"embedded","manifests":{"importLocation":"i","exportLocation":"e"},"output":{"location":"o"}}}
            """, "a.json");
        Assert.Equal("a", resource.Metadata.Name);
        Assert.Equal("e", resource.Spec.Manifests.ExportLocation);
    }

    [Theory]
    [InlineData("  windw:\n    marginMinutes: 1", "spec.windw: unknown field")]
    [InlineData("  window:\n    margin: 1", "spec.window.margin: unknown field")]
    [InlineData("  engine: spark", "spec.engine: invalid value")]
    [InlineData("  window:\n    marginMinutes: lots", "spec.window.marginMinutes: invalid value")]
    [InlineData("  query:\n    sets: [main, everything]", "spec.query.sets")]
    public void Bad_fields_are_named_in_the_error(string specFragment, string expected)
    {
        var yaml = """
            apiVersion: kafkarecon.io/v1alpha1
            kind: KafkaReconciliation
            metadata:
              name: a
            spec:

            """ + specFragment + "\n";
        var error = Assert.Throws<InvalidResourceException>(() => ResourceFile.Parse(yaml, "bad.yaml"));
        Assert.Contains(expected, error.Message);
        Assert.StartsWith("bad.yaml: ", error.Message);
    }

    [Fact]
    public void Wrong_kind_is_rejected()
    {
        var error = Assert.Throws<InvalidResourceException>(() =>
            ResourceFile.Parse("apiVersion: v1\nkind: ConfigMap\n", "cm.yaml"));
        Assert.Contains("apiVersion is 'v1'; expected 'kafkarecon.io/v1alpha1'", error.Message);
    }

    [Fact]
    public void Missing_file_is_reported_with_its_path()
    {
        var error = Assert.Throws<InvalidResourceException>(() => ResourceFile.Load("/no/such/recon.yaml"));
        Assert.Contains("/no/such/recon.yaml", error.Message);
    }
}
