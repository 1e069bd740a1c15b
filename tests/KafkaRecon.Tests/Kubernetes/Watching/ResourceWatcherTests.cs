using System.Collections.Concurrent;
using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Operator.Kubernetes.Watching;
using KafkaRecon.Tests.Kubernetes.Support;
using KafkaRecon.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static KafkaRecon.Tests.Kubernetes.Support.Resources;

namespace KafkaRecon.Tests.Kubernetes.Watching;

public sealed class ResourceWatcherTests : IAsyncLifetime
{
    private const string Ns = "team-a";
    private ScriptedApiStub stub = null!;
    private readonly ConcurrentQueue<ResourceKey> enqueued = new();
    private readonly CancellationTokenSource stop = new();
    private Task running = Task.CompletedTask;
    private WatchHealth health = null!;
    private ResourceWatcher watcher = null!;

    public async Task InitializeAsync() => stub = await ScriptedApiStub.StartAsync();

    public async Task DisposeAsync()
    {
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
        await stub.DisposeAsync();
        stop.Dispose();
    }

    [Fact]
    public async Task Listed_resources_are_enqueued_by_key_and_the_watch_starts_at_the_list_version()
    {
        OnList(Respond.Json(List("10", SampleResource(Ns, "a", "7"), SampleResource(Ns, "b", "9"))));
        OnWatch(Respond.Watch([], holdOpen: true));

        Start();

        await Poll.UntilAsync(() => WatchRequests().Any(), "a watch request");
        var watch = WatchRequests().Single();
        Assert.Equal("10", watch.QueryValue("resourceVersion"));
        Assert.Equal("true", watch.QueryValue("allowWatchBookmarks"));
        Assert.Equal("60", watch.QueryValue("timeoutSeconds"));
        Assert.Equal([new ResourceKey(Ns, "a"), new ResourceKey(Ns, "b")], enqueued.ToArray());
        Assert.True(health.IsLive);
    }

    [Fact]
    public async Task Watch_events_enqueue_the_key_of_each_changed_resource()
    {
        OnList(Respond.Json(List("10")));
        OnWatch(Respond.Watch(
            [
                Respond.Event("ADDED", SampleResource(Ns, "a", "11")),
                Respond.Event("MODIFIED", SampleResource(Ns, "b", "12")),
                Respond.Event("DELETED", SampleResource(Ns, "a", "13")),
            ],
            holdOpen: true));

        Start();

        await Poll.UntilAsync(() => enqueued.Count == 3, "three keys");
        Assert.Equal(["team-a/a", "team-a/b", "team-a/a"], enqueued.Select(k => k.ToString()));
    }

    [Fact]
    public async Task Expired_error_event_in_the_stream_relists_and_rewatches_from_the_new_list()
    {
        OnList(Respond.Json(List("10", SampleResource(Ns, "a", "7"))),
            Respond.Json(List("20", SampleResource(Ns, "a", "7"), SampleResource(Ns, "b", "19"))));
        OnWatch(Respond.Watch([Respond.ExpiredEvent("10")]), Respond.Watch([], holdOpen: true));

        Start();

        await Poll.UntilAsync(() => WatchRequests().Count() == 2, "a second watch");
        Assert.Equal(2, ListRequests().Count());
        Assert.Equal(["10", "20"], WatchRequests().Select(r => r.QueryValue("resourceVersion")));
        Assert.Contains(new ResourceKey(Ns, "b"), enqueued);
    }

    [Fact]
    public async Task Http_410_on_watch_relists()
    {
        OnList(Respond.Json(List("10")), Respond.Json(List("20", SampleResource(Ns, "c", "15"))));
        OnWatch(Respond.Status(410, "Expired", "too old resource version: 10 (15)"), Respond.Watch([], holdOpen: true));

        Start();

        await Poll.UntilAsync(() => WatchRequests().Count() == 2, "a second watch");
        Assert.Equal(["10", "20"], WatchRequests().Select(r => r.QueryValue("resourceVersion")));
        Assert.Equal(2, ListRequests().Count());
        Assert.Contains(new ResourceKey(Ns, "c"), enqueued);
    }

    [Fact]
    public async Task Clean_close_rewatches_from_the_last_seen_version_without_relisting()
    {
        OnList(Respond.Json(List("10")));
        OnWatch(
            Respond.Watch(
            [
                Respond.Event("ADDED", SampleResource(Ns, "a", "11")),
                Respond.Event("MODIFIED", SampleResource(Ns, "a", "12")),
            ]),
            Respond.Watch([], holdOpen: true));

        Start();

        await Poll.UntilAsync(() => WatchRequests().Count() == 2, "a second watch");
        Assert.Equal(["10", "12"], WatchRequests().Select(r => r.QueryValue("resourceVersion")));
        Assert.Single(ListRequests());
    }

    [Fact]
    public async Task Bookmark_advances_the_resume_version_without_enqueuing()
    {
        OnList(Respond.Json(List("10")));
        OnWatch(Respond.Watch([Respond.Bookmark("30")]), Respond.Watch([], holdOpen: true));

        Start();

        await Poll.UntilAsync(() => WatchRequests().Count() == 2, "a second watch");
        Assert.Equal(["10", "30"], WatchRequests().Select(r => r.QueryValue("resourceVersion")));
        Assert.Empty(enqueued);
    }

    [Fact]
    public async Task Server_errors_back_off_on_the_time_provider_and_recover()
    {
        var time = new FakeTimeProvider();
        OnList(Respond.Status(500, "InternalError"), Respond.Status(500, "InternalError"),
            Respond.Json(List("10", SampleResource(Ns, "a", "7"))));
        OnWatch(Respond.Watch([], holdOpen: true));

        Start(time);

        await Poll.UntilAsync(() => ListRequests().Count() == 1, "first list");
        Assert.False(health.IsLive);
        // The retry waits on the injected clock: without advancing it no second LIST is ever made.
        await Poll.UntilAsync(() => AdvanceThen(time, () => ListRequests().Count() == 2), "second list");
        Assert.False(health.IsLive);
        await Poll.UntilAsync(() => AdvanceThen(time, () => WatchRequests().Any()), "watch after recovery");

        Assert.Equal(3, ListRequests().Count());
        Assert.True(health.IsLive);
        Assert.Equal([new ResourceKey(Ns, "a")], enqueued.ToArray());
    }

    [Fact]
    public async Task A_silent_watch_is_abandoned_after_its_timeout_plus_grace_and_resumed_from_the_last_version()
    {
        var time = new FakeTimeProvider();
        OnList(Respond.Json(List("10")));
        OnWatch(Respond.Watch([Respond.Bookmark("14")], holdOpen: true));

        Start(time);

        await Poll.UntilAsync(() => WatchRequests().Any(), "the first watch");
        await Poll.UntilAsync(() => AdvanceThen(time, () => WatchRequests().Count() == 2, step: TimeSpan.FromSeconds(5)),
            "a second watch after the stall limit");
        Assert.True(time.GetUtcNow() - time.Start >= TimeSpan.FromSeconds(90), $"abandoned after {time.GetUtcNow() - time.Start}");
        Assert.Equal(["10", "14"], WatchRequests().Select(r => r.QueryValue("resourceVersion")));
        Assert.Single(ListRequests());
    }

    [Fact]
    public async Task All_namespaces_scope_lists_and_watches_the_cluster_wide_collection()
    {
        const string path = "/apis/kafkarecon.io/v1alpha1/kafkareconciliations";
        stub.On("GET", r => r.Path == path && r.Query["watch"] != "true",
            Respond.Json(List("5", SampleResource("x", "a", "3"), SampleResource("y", "b", "4"))));
        stub.On("GET", r => r.Path == path && r.Query["watch"] == "true", Respond.Watch([], holdOpen: true));

        Start(namespaceName: null);

        await Poll.UntilAsync(() => stub.Requests.Any(r => r.QueryValue("watch") == "true"), "cluster watch");
        Assert.Equal(["x/a", "y/b"], enqueued.Select(k => k.ToString()));
    }

    private void Start(TimeProvider? time = null, string? namespaceName = Ns)
    {
        var options = new WatchOptions
        {
            Timeout = TimeSpan.FromSeconds(60),
            InitialBackoff = TimeSpan.FromMilliseconds(100),
            MaxBackoff = TimeSpan.FromSeconds(1),
            Jitter = () => 0,
            StallGrace = TimeSpan.FromSeconds(30),
        };
        time ??= TimeProvider.System;
        health = new WatchHealth(time);
        watcher = new ResourceWatcher(new KubernetesResourceStore(stub.Client()), (_, resource) => enqueued.Enqueue(ResourceKey.Of(resource)), health, options,
            time, NullLogger<ResourceWatcher>.Instance);
        running = Task.Run(() => watcher.RunAsync(namespaceName, stop.Token));
    }

    private static bool AdvanceThen(FakeTimeProvider time, Func<bool> condition, TimeSpan? step = null)
    {
        time.Advance(step ?? TimeSpan.FromMilliseconds(20));
        return condition();
    }

    private void OnList(params Responder[] script) =>
        stub.On("GET", r => r.Path == Collection(Ns) && r.Query["watch"] != "true", script);

    private void OnWatch(params Responder[] script) =>
        stub.On("GET", r => r.Path == Collection(Ns) && r.Query["watch"] == "true", script);

    private IEnumerable<RecordedRequest> ListRequests() =>
        stub.Matching("GET", r => r.Path == Collection(Ns) && r.QueryValue("watch") != "true");

    private IEnumerable<RecordedRequest> WatchRequests() =>
        stub.Matching("GET", r => r.Path == Collection(Ns) && r.QueryValue("watch") == "true");
}
