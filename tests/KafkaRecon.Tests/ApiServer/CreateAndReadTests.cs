using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KafkaRecon.Entities;
using G = KafkaRecon.Entities.KafkaReconciliation;

namespace KafkaRecon.Tests.ApiServer;

public sealed class CreateAndReadTests
{
    private const string Ns = TestApiServer.Namespace;

    [Fact]
    public async Task Create_assigns_uid_creation_time_generation_one_and_a_resource_version()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();

        var created = await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(Samples.Reconciliation("a"), G.Group, G.Version, Ns, G.Plural);

        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.Equal(1, created.Metadata.Generation);
        Assert.Equal(server.CurrentResourceVersion.ToString(), created.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Resource_versions_increase_across_objects_and_kinds()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();

        var first = await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(Samples.Reconciliation("a"), G.Group, G.Version, Ns, G.Plural);
        var lease = await client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "l" } }, Ns);
        var second = await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(Samples.Reconciliation("b"), G.Group, G.Version, Ns, G.Plural);

        var versions = new[] { first.Metadata.ResourceVersion, lease.Metadata.ResourceVersion, second.Metadata.ResourceVersion }.Select(long.Parse).ToList();
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(3, versions.Distinct().Count());
    }

    [Fact]
    public async Task Create_applies_the_schema_defaults()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var body = new Dictionary<string, object>
        {
            ["apiVersion"] = G.GroupVersion,
            ["kind"] = G.EntityKind,
            ["metadata"] = new Dictionary<string, object> { ["name"] = "defaults" },
            ["spec"] = new Dictionary<string, object>
            {
                ["manifests"] = new Dictionary<string, object> { ["importLocation"] = "/i", ["exportLocation"] = "/e" },
                ["output"] = new Dictionary<string, object> { ["location"] = "/o" },
                ["window"] = new Dictionary<string, object>(),
            },
        };

        var created = await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(body, G.Group, G.Version, Ns, G.Plural);

        Assert.Equal(EngineKind.Aws, created.Spec.Engine);
        Assert.Equal(0, created.Spec.Window.MarginMinutes);
        Assert.False(created.Spec.Suspend);
    }

    [Fact]
    public async Task Creating_an_existing_name_is_409_AlreadyExists()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(Samples.Reconciliation("a"), G.Group, G.Version, Ns, G.Plural);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(Samples.Reconciliation("a"), G.Group, G.Version, Ns, G.Plural));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        var status = TestApiServer.StatusOf(error);
        Assert.Equal("AlreadyExists", status.Reason);
        Assert.Equal("a", status.Details.Name);
    }

    [Fact]
    public async Task GenerateName_gets_a_unique_suffixed_name()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var template = Samples.Reconciliation(null!);
        template.Metadata.GenerateName = "nightly-";

        var first = await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(template, G.Group, G.Version, Ns, G.Plural);
        var second = await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(template, G.Group, G.Version, Ns, G.Plural);

        Assert.StartsWith("nightly-", first.Metadata.Name);
        Assert.Equal("nightly-".Length + 5, first.Metadata.Name.Length);
        Assert.NotEqual(first.Metadata.Name, second.Metadata.Name);
    }

    [Fact]
    public async Task Get_of_a_missing_object_is_404_NotFound()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CustomObjects.GetNamespacedCustomObjectAsync<G>(G.Group, G.Version, Ns, G.Plural, "nope"));

        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
        Assert.Equal("NotFound", TestApiServer.StatusOf(error).Reason);
    }

    [Fact]
    public async Task List_returns_the_list_resource_version_and_filters_by_label_selector()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(
            Samples.Reconciliation("nightly", new Dictionary<string, string> { ["kafkarecon.io/schedule"] = "nightly" }), G.Group, G.Version, Ns, G.Plural);
        await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(Samples.Reconciliation("adhoc"), G.Group, G.Version, Ns, G.Plural);

        var selected = await client.CustomObjects.ListNamespacedCustomObjectAsync<KafkaReconciliationList>(
            G.Group, G.Version, Ns, G.Plural, labelSelector: "kafkarecon.io/schedule=nightly");
        var absent = await client.CustomObjects.ListNamespacedCustomObjectAsync<KafkaReconciliationList>(
            G.Group, G.Version, Ns, G.Plural, labelSelector: "!kafkarecon.io/schedule");

        Assert.Equal(["nightly"], selected.Items.Select(item => item.Metadata.Name));
        Assert.Equal(["adhoc"], absent.Items.Select(item => item.Metadata.Name));
        Assert.Equal(server.CurrentResourceVersion.ToString(), selected.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task List_filters_by_metadata_name_field_selector()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(Samples.Reconciliation("a"), G.Group, G.Version, Ns, G.Plural);
        await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(Samples.Reconciliation("b"), G.Group, G.Version, Ns, G.Plural);

        var list = await client.CustomObjects.ListNamespacedCustomObjectAsync<KafkaReconciliationList>(
            G.Group, G.Version, Ns, G.Plural, fieldSelector: "metadata.name=b");

        Assert.Equal(["b"], list.Items.Select(item => item.Metadata.Name));
    }

    [Fact]
    public async Task List_pages_with_limit_and_continue_until_every_object_is_seen_once()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(Samples.Reconciliation(name), G.Group, G.Version, Ns, G.Plural);
        }

        var seen = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await client.CustomObjects.ListNamespacedCustomObjectAsync<KafkaReconciliationList>(
                G.Group, G.Version, Ns, G.Plural, limit: 2, continueParameter: next);
            seen.AddRange(page.Items.Select(item => item.Metadata.Name));
            next = page.Metadata.ContinueProperty;
            pages++;
        }
        while (!string.IsNullOrEmpty(next));

        Assert.Equal(["a", "b", "c", "d", "e"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task List_across_all_namespaces_includes_every_namespace()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var other = Samples.Reconciliation("x");
        other.Metadata.NamespaceProperty = "other";
        await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(Samples.Reconciliation("a"), G.Group, G.Version, Ns, G.Plural);
        await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(other, G.Group, G.Version, "other", G.Plural);

        var all = await client.CustomObjects.ListClusterCustomObjectAsync<KafkaReconciliationList>(G.Group, G.Version, G.Plural);
        var namespaces = await client.CoreV1.ListNamespaceAsync();

        Assert.Equal(["other/x", $"{Ns}/a"], all.Items.Select(item => $"{item.Metadata.NamespaceProperty}/{item.Metadata.Name}").Order());
        Assert.Contains(namespaces.Items, item => item.Metadata.Name == "other");
    }
}
