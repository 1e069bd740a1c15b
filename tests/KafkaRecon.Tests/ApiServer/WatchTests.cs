using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KafkaRecon.ApiServer.Faults;
using KafkaRecon.Entities;
using KafkaRecon.Tests.Support;
using G = KafkaRecon.Entities.KafkaReconciliation;

namespace KafkaRecon.Tests.ApiServer;

[Trait("Category", "Slow")]
public sealed class WatchTests
{
    private const string Ns = TestApiServer.Namespace;

    private static Task<G> CreateAsync(k8s.Kubernetes client, string name) =>
        client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(Samples.Reconciliation(name), G.Group, G.Version, Ns, G.Plural);

    private static Task<G> PatchStatusAsync(k8s.Kubernetes client, string name, string phase) =>
        client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<G>(
            new V1Patch($$$"""{"status":{"phase":"{{{phase}}}"}}""", V1Patch.PatchType.MergePatch), G.Group, G.Version, Ns, G.Plural, name);

    private static Task<KafkaReconciliationList> ListAsync(k8s.Kubernetes client) =>
        client.CustomObjects.ListNamespacedCustomObjectAsync<KafkaReconciliationList>(G.Group, G.Version, Ns, G.Plural);

    [Fact]
    public async Task A_watch_receives_added_modified_and_deleted_in_order()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var list = await ListAsync(client);
        await using var watch = WatchRecorder.Start(client, list.Metadata.ResourceVersion);
        await Poll.UntilAsync(() => server.Faults.OpenWatchCount == 1, "the watch is open");

        await CreateAsync(client, "a");
        await PatchStatusAsync(client, "a", "Coalescing");
        await client.CustomObjects.DeleteNamespacedCustomObjectAsync(G.Group, G.Version, Ns, G.Plural, "a");

        await Poll.UntilAsync(() => watch.Events.Count == 3, "three events arrived");
        Assert.Equal([WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted], watch.Events.Select(e => e.Type));
        Assert.Equal(watch.Events.Select(e => long.Parse(e.ResourceVersion!)).Order(), watch.Events.Select(e => long.Parse(e.ResourceVersion!)));
        Assert.Empty(watch.Errors);
    }

    [Fact]
    public async Task A_watch_from_a_list_resource_version_replays_the_changes_made_after_the_list()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await CreateAsync(client, "before");
        var list = await ListAsync(client);
        await CreateAsync(client, "after");
        await PatchStatusAsync(client, "before", "Querying");

        await using var watch = WatchRecorder.Start(client, list.Metadata.ResourceVersion);

        await Poll.UntilAsync(() => watch.Events.Count == 2, "the two later changes were replayed");
        Assert.Equal([(WatchEventType.Added, "after"), (WatchEventType.Modified, "before")], watch.Events.Select(e => (e.Type, e.Name!)));
    }

    [Fact]
    public async Task A_watch_without_resource_version_starts_with_the_current_objects_as_added()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await CreateAsync(client, "a");
        await CreateAsync(client, "b");

        await using var watch = WatchRecorder.Start(client);

        await Poll.UntilAsync(() => watch.Events.Count == 2, "the current objects arrived");
        Assert.All(watch.Events, e => Assert.Equal(WatchEventType.Added, e.Type));
    }

    [Fact]
    public async Task An_idle_watch_with_bookmarks_allowed_receives_bookmarks_at_the_current_resource_version()
    {
        await using var server = await TestApiServer.StartAsync(options => options.BookmarkInterval = TimeSpan.FromMilliseconds(100));
        using var client = server.Client();
        var created = await CreateAsync(client, "a");

        await using var watch = WatchRecorder.Start(client, created.Metadata.ResourceVersion, bookmarks: true);

        await Poll.UntilAsync(() => watch.Events.Any(e => e.Type == WatchEventType.Bookmark), "a bookmark arrived");
        Assert.Equal(created.Metadata.ResourceVersion, watch.Events.First(e => e.Type == WatchEventType.Bookmark).ResourceVersion);
    }

    [Fact]
    public async Task A_watch_without_bookmarks_allowed_gets_none()
    {
        await using var server = await TestApiServer.StartAsync(options => options.BookmarkInterval = TimeSpan.FromMilliseconds(50));
        using var client = server.Client();
        var created = await CreateAsync(client, "a");
        await using var watch = WatchRecorder.Start(client, created.Metadata.ResourceVersion, bookmarks: false, timeoutSeconds: 1);

        await Poll.UntilAsync(() => watch.Ended, "the watch timed out");

        Assert.Empty(watch.Events);
    }

    [Fact]
    public async Task A_watch_from_a_compacted_resource_version_gets_an_in_stream_410_Expired_error()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var old = await CreateAsync(client, "a");
        await PatchStatusAsync(client, "a", "Querying");
        server.Faults.CompactHistory();

        await using var watch = WatchRecorder.Start(client, old.Metadata.ResourceVersion);

        await Poll.UntilAsync(() => watch.Ended, "the expired watch ended");
        var error = Assert.IsType<KubernetesException>(Assert.Single(watch.Errors));
        Assert.Equal(410, error.Status.Code);
        Assert.Equal("Expired", error.Status.Reason);
        Assert.StartsWith($"too old resource version: {old.Metadata.ResourceVersion}", error.Status.Message);
        Assert.Empty(watch.Events);
    }

    [Fact]
    public async Task A_watch_older_than_the_bounded_history_is_expired()
    {
        await using var server = await TestApiServer.StartAsync(options => options.HistoryCapacity = 3);
        using var client = server.Client();
        var first = await CreateAsync(client, "a");
        foreach (var phase in new[] { "Coalescing", "Transforming", "Querying", "Verifying" })
        {
            await PatchStatusAsync(client, "a", phase);
        }

        await using var tooOld = WatchRecorder.Start(client, first.Metadata.ResourceVersion);
        await using var recent = WatchRecorder.Start(client, (server.CurrentResourceVersion - 2).ToString());

        await Poll.UntilAsync(() => tooOld.Ended, "the too-old watch ended");
        await Poll.UntilAsync(() => recent.Events.Count == 2, "the recent watch replayed the last two changes");
        Assert.Equal(410, Assert.IsType<KubernetesException>(Assert.Single(tooOld.Errors)).Status.Code);
        Assert.Empty(recent.Errors);
    }

    [Fact]
    public async Task Expired_watches_can_be_answered_with_http_410_instead()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var created = await CreateAsync(client, "a");
        server.Faults.ExpiryForm = WatchExpiryForm.HttpGone;
        server.Faults.ExpireNextWatches(1);

        await using var watch = WatchRecorder.Start(client, created.Metadata.ResourceVersion);

        await Poll.UntilAsync(() => watch.Ended, "the watch failed");
        var error = Assert.IsType<HttpOperationException>(Assert.Single(watch.Errors));
        Assert.Equal(HttpStatusCode.Gone, error.Response.StatusCode);
        Assert.Equal("Expired", TestApiServer.StatusOf(error).Reason);
    }

    [Fact]
    public async Task TimeoutSeconds_closes_the_stream_cleanly()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var created = await CreateAsync(client, "a");

        await using var watch = WatchRecorder.Start(client, created.Metadata.ResourceVersion, timeoutSeconds: 3);
        await Poll.UntilAsync(() => server.Faults.OpenWatchCount == 1, "the watch is open");
        await CreateAsync(client, "b");

        await Poll.UntilAsync(() => watch.Ended, "the watch closed at its timeout", TimeSpan.FromSeconds(10));
        Assert.Equal([(WatchEventType.Added, "b")], watch.Events.Select(e => (e.Type, e.Name!)));
        Assert.Empty(watch.Errors);
        Assert.Equal(0, server.Faults.OpenWatchCount);
    }

    /// <summary>
    /// Client quirk the operator's watcher must tolerate: the official client peeks the first line before it yields,
    /// so a watch the server closes before any event surfaces as an HttpRequestException (EndOfStream), not a clean end.
    /// </summary>
    [Fact]
    public async Task A_watch_that_times_out_before_its_first_event_surfaces_as_end_of_stream_in_the_client()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var created = await CreateAsync(client, "a");

        await using var watch = WatchRecorder.Start(client, created.Metadata.ResourceVersion, timeoutSeconds: 1);

        await Poll.UntilAsync(() => watch.Ended, "the watch closed at its timeout", TimeSpan.FromSeconds(10));
        var error = Assert.IsType<HttpRequestException>(Assert.Single(watch.Errors));
        Assert.IsType<EndOfStreamException>(error.InnerException);
    }

    [Fact]
    public async Task Dropping_watches_ends_every_open_stream()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var created = await CreateAsync(client, "a");
        await using var first = WatchRecorder.Start(client, created.Metadata.ResourceVersion);
        await using var second = WatchRecorder.Start(client, created.Metadata.ResourceVersion);
        await Poll.UntilAsync(() => server.Faults.OpenWatchCount == 2, "both watches are open");

        var dropped = server.Faults.DropWatches();

        Assert.Equal(2, dropped);
        await Poll.UntilAsync(() => first.Ended && second.Ended, "both streams ended");
    }

    [Fact]
    public async Task A_stalled_watch_stays_open_but_delivers_nothing_more()
    {
        await using var server = await TestApiServer.StartAsync(options => options.BookmarkInterval = TimeSpan.FromMilliseconds(50));
        using var client = server.Client();
        var created = await CreateAsync(client, "a");
        await using var watch = WatchRecorder.Start(client, created.Metadata.ResourceVersion, bookmarks: true);
        await PatchStatusAsync(client, "a", "Coalescing");
        await Poll.UntilAsync(() => watch.Events.Any(e => e.Type == WatchEventType.Modified), "the first change arrived");

        server.Faults.StallWatches();
        var seenWhenStalled = watch.Events.Count;
        await PatchStatusAsync(client, "a", "Transforming");
        var laterWatch = WatchRecorder.Start(client, created.Metadata.ResourceVersion);
        await Poll.UntilAsync(() => laterWatch.Events.Count(e => e.Type == WatchEventType.Modified) == 2, "a fresh watch sees both changes");

        Assert.False(watch.Ended);
        Assert.InRange(watch.Events.Count, seenWhenStalled, seenWhenStalled + 1);
        Assert.DoesNotContain(watch.Events, e => e.Type == WatchEventType.Modified && e.ResourceVersion == server.CurrentResourceVersion.ToString());
        await laterWatch.DisposeAsync();
    }

    [Fact]
    public async Task A_label_selected_watch_sees_an_object_leave_the_selection_as_deleted()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var created = await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(
            Samples.Reconciliation("a", new Dictionary<string, string> { ["tier"] = "gold" }), G.Group, G.Version, Ns, G.Plural);
        var events = new List<WatchEventType>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var watching = Task.Run(async () =>
        {
            await foreach (var (type, _) in client.CustomObjects.WatchListNamespacedCustomObjectAsync(
                G.Group, G.Version, Ns, G.Plural, labelSelector: "tier=gold", resourceVersion: created.Metadata.ResourceVersion,
                onError: error => throw error, cancellationToken: stop.Token))
            {
                events.Add(type);
                return;
            }
        });

        await client.CustomObjects.PatchNamespacedCustomObjectAsync<G>(
            new V1Patch("""{"metadata":{"labels":{"tier":"silver"}}}""", V1Patch.PatchType.MergePatch), G.Group, G.Version, Ns, G.Plural, "a");
        await watching;

        Assert.Equal([WatchEventType.Deleted], events);
    }

    [Fact]
    public async Task A_cluster_wide_watch_sees_changes_in_every_namespace()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var list = await client.CustomObjects.ListClusterCustomObjectAsync<KafkaReconciliationList>(G.Group, G.Version, G.Plural);
        var seen = new List<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var watching = Task.Run(async () =>
        {
            await foreach (var (_, obj) in client.CustomObjects.WatchListClusterCustomObjectAsync(
                G.Group, G.Version, G.Plural, resourceVersion: list.Metadata.ResourceVersion, onError: error => throw error, cancellationToken: stop.Token))
            {
                var watched = TestApiServer.FromWatchObject<G>(obj);
                seen.Add($"{watched.Metadata.NamespaceProperty}/{watched.Metadata.Name}");
                if (seen.Count == 2)
                {
                    return;
                }
            }
        });

        var elsewhere = Samples.Reconciliation("b");
        elsewhere.Metadata.NamespaceProperty = "team-b";
        await CreateAsync(client, "a");
        await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(elsewhere, G.Group, G.Version, "team-b", G.Plural);
        await watching;

        Assert.Equal([$"{Ns}/a", "team-b/b"], seen);
    }
}
