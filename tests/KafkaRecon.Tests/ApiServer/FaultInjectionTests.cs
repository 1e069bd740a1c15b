using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KafkaRecon.Entities;
using KafkaRecon.Tests.Support;
using G = KafkaRecon.Entities.KafkaReconciliation;

namespace KafkaRecon.Tests.ApiServer;

public sealed class FaultInjectionTests
{
    private const string Ns = TestApiServer.Namespace;

    private static Task<G> GetAsync(k8s.Kubernetes client) =>
        client.CustomObjects.GetNamespacedCustomObjectAsync<G>(G.Group, G.Version, Ns, G.Plural, "a");

    [Theory]
    [InlineData(500, "InternalError")]
    [InlineData(409, "Conflict")]
    [InlineData(503, "ServiceUnavailable")]
    public async Task The_next_n_matching_requests_fail_then_requests_succeed_again(int code, string reason)
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(Samples.Reconciliation("a"), G.Group, G.Version, Ns, G.Plural);
        server.Faults.FailNext(2, code, verb: "get", resource: G.Plural);

        var first = await Assert.ThrowsAsync<HttpOperationException>(() => GetAsync(client));
        var second = await Assert.ThrowsAsync<HttpOperationException>(() => GetAsync(client));
        var third = await GetAsync(client);

        Assert.Equal((HttpStatusCode)code, first.Response.StatusCode);
        Assert.Equal(reason, TestApiServer.StatusOf(second).Reason);
        Assert.Equal("a", third.Metadata.Name);
    }

    [Fact]
    public async Task An_injected_429_carries_retry_after()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        server.Faults.FailNext(1, 429, verb: "list", retryAfter: TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CustomObjects.ListNamespacedCustomObjectAsync<KafkaReconciliationList>(G.Group, G.Version, Ns, G.Plural));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.Response.StatusCode);
        Assert.Equal("2", error.Response.Headers["Retry-After"].Single());
    }

    [Fact]
    public async Task Status_writes_can_fail_while_main_resource_writes_succeed()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var created = await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(Samples.Reconciliation("a"), G.Group, G.Version, Ns, G.Plural);
        server.Faults.FailNext(1, 409, verb: "update", subresource: "status");

        created.Status = new KafkaReconciliationStatus { Phase = ReconciliationPhase.Coalescing };
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync<G>(created, G.Group, G.Version, Ns, G.Plural, "a"));
        created.Spec.Suspend = true;
        var updated = await client.CustomObjects.ReplaceNamespacedCustomObjectAsync<G>(created, G.Group, G.Version, Ns, G.Plural, "a");

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.True(updated.Spec.Suspend);
    }

    [Fact]
    public async Task The_request_log_counts_requests_per_verb_resource_and_subresource()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var created = await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(Samples.Reconciliation("a"), G.Group, G.Version, Ns, G.Plural);
        await GetAsync(client);
        await GetAsync(client);
        created.Status = new KafkaReconciliationStatus { Phase = ReconciliationPhase.Coalescing };
        await client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync<G>(created, G.Group, G.Version, Ns, G.Plural, "a");
        await client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "l" } }, Ns);

        Assert.Equal(1, server.Requests.Count("create", G.Plural));
        Assert.Equal(2, server.Requests.Count("get", G.Plural));
        Assert.Equal(1, server.Requests.Count("update", G.Plural, "status"));
        Assert.Equal(0, server.Requests.Count("update", G.Plural, ""));
        Assert.Equal(1, server.Requests.Count("create", "leases"));
        Assert.All(server.Requests.All, request => Assert.InRange(request.StatusCode, 200, 201));
    }

    [Fact]
    public async Task A_delayed_request_is_answered_normally_but_not_before_the_delay()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(Samples.Reconciliation("a"), G.Group, G.Version, Ns, G.Plural);
        server.Faults.DelayNext(1, TimeSpan.FromMilliseconds(500), verb: "get");

        var timer = System.Diagnostics.Stopwatch.StartNew();
        var delayed = await GetAsync(client);
        var elapsed = timer.Elapsed;

        Assert.Equal("a", delayed.Metadata.Name);
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(450), $"answered after {elapsed}, before the 500 ms delay");
    }

    [Fact]
    public async Task Dropping_watches_with_a_cut_connection_surfaces_as_an_error_in_the_client()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var created = await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(Samples.Reconciliation("a"), G.Group, G.Version, Ns, G.Plural);
        await using var watch = WatchRecorder.Start(client, created.Metadata.ResourceVersion);
        await Poll.UntilAsync(() => server.Faults.OpenWatchCount == 1, "the watch is open");
        await client.CustomObjects.PatchNamespacedCustomObjectAsync<G>(
            new V1Patch("""{"spec":{"suspend":true}}""", V1Patch.PatchType.MergePatch), G.Group, G.Version, Ns, G.Plural, "a");
        await Poll.UntilAsync(() => watch.Events.Count == 1, "the first event arrived");

        server.Faults.DropWatches(abortConnection: true);

        await Poll.UntilAsync(() => watch.Ended, "the watch ended");
        Assert.NotEmpty(watch.Errors);
    }
}
