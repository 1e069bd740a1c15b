using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KafkaRecon.Entities;
using G = KafkaRecon.Entities.KafkaReconciliation;

namespace KafkaRecon.Tests.ApiServer;

public sealed class DeletionTests
{
    private const string Ns = TestApiServer.Namespace;

    private static async Task<G> CreateAsync(k8s.Kubernetes client, params string[] finalizers)
    {
        var body = Samples.Reconciliation("a");
        body.Metadata.Finalizers = finalizers.Length == 0 ? null : finalizers.ToList();
        return await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(body, G.Group, G.Version, Ns, G.Plural);
    }

    private static Task<G> GetAsync(k8s.Kubernetes client) =>
        client.CustomObjects.GetNamespacedCustomObjectAsync<G>(G.Group, G.Version, Ns, G.Plural, "a");

    [Fact]
    public async Task Deleting_an_object_without_finalizers_removes_it()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await CreateAsync(client);

        await client.CustomObjects.DeleteNamespacedCustomObjectAsync(G.Group, G.Version, Ns, G.Plural, "a");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => GetAsync(client));
        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
    }

    [Fact]
    public async Task Deleting_an_object_with_finalizers_sets_deletion_timestamp_bumps_generation_and_keeps_it()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await CreateAsync(client, WellKnown.Finalizer);

        await client.CustomObjects.DeleteNamespacedCustomObjectAsync(G.Group, G.Version, Ns, G.Plural, "a");
        await client.CustomObjects.DeleteNamespacedCustomObjectAsync(G.Group, G.Version, Ns, G.Plural, "a");
        var deleting = await GetAsync(client);

        Assert.NotNull(deleting.Metadata.DeletionTimestamp);
        Assert.Equal(0, deleting.Metadata.DeletionGracePeriodSeconds);
        Assert.Equal(2, deleting.Metadata.Generation);
        Assert.Equal([WellKnown.Finalizer], deleting.Metadata.Finalizers);
    }

    [Fact]
    public async Task No_new_finalizer_can_be_added_once_deleting()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await CreateAsync(client, WellKnown.Finalizer);
        await client.CustomObjects.DeleteNamespacedCustomObjectAsync(G.Group, G.Version, Ns, G.Plural, "a");
        var deleting = await GetAsync(client);

        deleting.Metadata.Finalizers.Add("example.com/another");
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CustomObjects.ReplaceNamespacedCustomObjectAsync<G>(deleting, G.Group, G.Version, Ns, G.Plural, "a"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        var cause = Assert.Single(TestApiServer.StatusOf(error).Details.Causes);
        Assert.Equal("metadata.finalizers", cause.Field);
        Assert.Contains("no new finalizers can be added if the object is being deleted", cause.Message);
    }

    [Fact]
    public async Task Removing_the_last_finalizer_of_a_deleting_object_deletes_it()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await CreateAsync(client, WellKnown.Finalizer, "example.com/other");
        await client.CustomObjects.DeleteNamespacedCustomObjectAsync(G.Group, G.Version, Ns, G.Plural, "a");

        var first = await GetAsync(client);
        first.Metadata.Finalizers.Remove("example.com/other");
        await client.CustomObjects.ReplaceNamespacedCustomObjectAsync<G>(first, G.Group, G.Version, Ns, G.Plural, "a");
        var stillThere = await GetAsync(client);
        await client.CustomObjects.PatchNamespacedCustomObjectAsync<G>(
            new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch), G.Group, G.Version, Ns, G.Plural, "a");

        Assert.Equal([WellKnown.Finalizer], stillThere.Metadata.Finalizers);
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => GetAsync(client));
        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
    }

    [Fact]
    public async Task A_delete_with_a_stale_resource_version_precondition_is_409()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await CreateAsync(client);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            G.Group, G.Version, Ns, G.Plural, "a", body: new V1DeleteOptions { Preconditions = new V1Preconditions { ResourceVersion = "1" } }));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.NotNull(await GetAsync(client));
    }
}
