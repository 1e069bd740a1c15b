using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KafkaRecon.ApiServer;
using G = KafkaRecon.Entities.KafkaReconciliation;

namespace KafkaRecon.Tests.ApiServer;

public sealed class CrdLoadingTests
{
    [Fact]
    public async Task A_crd_given_as_a_client_model_is_served_with_its_defaults_and_rules()
    {
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(TestApiServer.CrdPath));
        var options = new ApiTestServerOptions();
        options.Crds.Add(crd);
        await using var server = await ApiTestServer.StartAsync(options);
        using var client = server.Client();
        var body = Samples.Reconciliation("a");
        body.Spec.Window.End = body.Spec.Window.Start;

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(body, G.Group, G.Version, TestApiServer.Namespace, G.Plural));
        var created = await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(
            new Dictionary<string, object>
            {
                ["apiVersion"] = G.GroupVersion,
                ["kind"] = G.EntityKind,
                ["metadata"] = new Dictionary<string, object> { ["name"] = "b" },
                ["spec"] = new Dictionary<string, object>
                {
                    ["manifests"] = new Dictionary<string, object> { ["importLocation"] = "/i", ["exportLocation"] = "/e" },
                    ["output"] = new Dictionary<string, object> { ["location"] = "/o" },
                    ["query"] = new Dictionary<string, object>(),
                },
            },
            G.Group, G.Version, TestApiServer.Namespace, G.Plural);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        Assert.Equal(4, created.Spec.Query.MaxConcurrentQueries);
        Assert.Equal(10, created.Spec.Query.IdsPerCollection);
    }

    [Fact]
    public async Task A_crd_rule_outside_the_supported_cel_subset_fails_at_start_not_silently()
    {
        var yaml = File.ReadAllText(TestApiServer.CrdPath).Replace(
            "!has(self.start) || !has(self.end) || self.end > self.start", "self.all(k, k != \"\")");
        var options = new ApiTestServerOptions();
        options.CrdYaml.Add(yaml);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => ApiTestServer.StartAsync(options));

        Assert.Contains("self.all(k, k != \"\")", error.Message);
    }
}
