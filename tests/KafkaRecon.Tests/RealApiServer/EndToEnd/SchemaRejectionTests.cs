using System.Net;
using System.Text.Json.Nodes;
using k8s;
using KafkaRecon.Entities;

namespace KafkaRecon.Tests.RealApiServer.EndToEnd;

/// <summary>The generated CRD's OpenAPI schema and CEL rule, judged by the real API server rather than our own checks.</summary>
[Collection(RealApiServerCollection.Name)]
[Trait("Category", "RealApiServer")]
[Trait("Category", "Slow")]
public sealed class SchemaRejectionTests(ControlPlane controlPlane)
{
    [RealApiServerTheory]
    [InlineData("window-end-before-start", "spec.window.end", "window.end must be after window.start")]
    [InlineData("unknown-engine", "spec.engine", "Unsupported value")]
    [InlineData("no-export-location", "spec.manifests.exportLocation", "Required value")]
    [InlineData("no-output", "spec.output", "Required value")]
    public async Task Real_server_rejects_an_invalid_resource_naming_the_field(string breakage, string field, string message)
    {
        var namespaceName = await controlPlane.CreateNamespaceAsync("schema");
        using var admin = controlPlane.AdminClient();
        var resource = JsonNode.Parse(KubernetesJson.Serialize(RealResources.Minimal(namespaceName, breakage)))!.AsObject();
        var spec = resource["spec"]!.AsObject();
        switch (breakage)
        {
            case "window-end-before-start":
                spec["window"] = new JsonObject { ["start"] = "2026-11-02T00:00:00Z", ["end"] = "2026-11-01T00:00:00Z" };
                break;
            case "unknown-engine":
                spec["engine"] = "gpu";
                break;
            case "no-export-location":
                spec["manifests"]!.AsObject().Remove("exportLocation");
                break;
            case "no-output":
                spec.Remove("output");
                break;
        }

        var error = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() =>
            admin.CustomObjects.CreateNamespacedCustomObjectAsync(resource, KafkaReconciliation.Group,
                KafkaReconciliation.Version, namespaceName, KafkaReconciliation.Plural));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        Assert.Contains(field, error.Response.Content, StringComparison.Ordinal);
        Assert.Contains(message, error.Response.Content, StringComparison.Ordinal);
    }
}
