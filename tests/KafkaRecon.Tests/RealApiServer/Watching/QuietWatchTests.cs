using KafkaRecon.Tests.Support;
using System.Collections.Concurrent;
using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Operator.Kubernetes.Watching;
using KafkaRecon.Tests.ApiServer;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;

namespace KafkaRecon.Tests.RealApiServer.Watching;

[Collection(RealApiServerCollection.Name)]
[Trait("Category", "RealApiServer")]
[Trait("Category", "Slow")]
public sealed class QuietWatchTests(ControlPlane controlPlane)
{
    [RealApiServerFact]
    public async Task Watches_the_real_server_ends_without_events_are_renewed_at_once_and_never_count_as_failures()
    {
        var namespaceName = await controlPlane.CreateNamespaceAsync("quiet");
        using var client = controlPlane.AdminClient();
        var health = new WatchHealth(TimeProvider.System);
        var seen = new ConcurrentQueue<ResourceKey>();
        // One-second watches on an empty namespace: the server ends each one with no event and no bookmark.
        var options = new WatchOptions
        {
            Timeout = TimeSpan.FromSeconds(1),
            StallGrace = TimeSpan.FromSeconds(5),
            InitialBackoff = TimeSpan.FromSeconds(20),
            MaxBackoff = TimeSpan.FromSeconds(20),
        };
        var watcher = new ResourceWatcher(new KubernetesResourceStore(client), (_, resource) => seen.Enqueue(ResourceKey.Of(resource)), health, options,
            TimeProvider.System, NullLogger<ResourceWatcher>.Instance);
        using var stop = new CancellationTokenSource();
        var running = watcher.RunAsync(namespaceName, stop.Token);

        await Poll.UntilAsync(() => health.IsLive, "the first LIST makes the watch live", TimeSpan.FromSeconds(10));
        var quietUntil = DateTime.UtcNow + TimeSpan.FromSeconds(3.5);
        while (DateTime.UtcNow < quietUntil)
        {
            Assert.True(health.IsLive, "a watch the server ended cleanly must not mark the watch down");
            await Task.Delay(20);
        }

        await client.CustomObjects.CreateNamespacedCustomObjectAsync(
            RealResources.Minimal(namespaceName, "after-quiet"), "kafkarecon.io", "v1alpha1", namespaceName, "kafkareconciliations");
        // A backed-off watcher would wait the 20 s initial backoff; a renewed watch sees the create at once.
        await Poll.UntilAsync(() => seen.Any(key => key.Name == "after-quiet"), "the rewatch sees the new resource",
            TimeSpan.FromSeconds(5));

        await stop.CancelAsync();
        await running;
    }
}
