using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Kubernetes.Store;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Kubernetes.Watching;

/// <summary>
/// LIST then WATCH from the list's resourceVersion, forever: every listed or changed resource goes to
/// <paramref name="changed"/> (which queues its key, never its content). 410 Expired, whether an HTTP status or an in-stream ERROR event, relists at once; a clean
/// server close, with or without events, rewatches from the last seen resourceVersion (bookmarks included) at once;
/// other failures back off.
/// </summary>
internal sealed class ResourceWatcher(
    IResourceStore store,
    Action<WatchEventType, KafkaReconciliation> changed,
    WatchHealth health,
    WatchOptions options,
    TimeProvider time,
    ILogger<ResourceWatcher> logger)
{
    private readonly WatchBackoff backoff = new(options);

    public async Task RunAsync(string? namespaceName, CancellationToken cancellationToken)
    {
        var scope = WatchScope.Describe(namespaceName);
        health.Register(scope);
        string? resourceVersion = null;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                resourceVersion ??= await ListAsync(namespaceName, scope, cancellationToken);
                var position = new WatchPosition(resourceVersion);
                try
                {
                    await WatchAsync(namespaceName, scope, position, cancellationToken);
                    logger.LogDebug("Watch of {Scope} closed by the server; rewatching from {ResourceVersion}",
                        scope, position.ResourceVersion);
                }
                finally
                {
                    resourceVersion = position.ResourceVersion;
                }
                failures = 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (KubernetesApiException expired) when (expired.Kind == ApiErrorKind.Expired)
            {
                logger.LogInformation("Watch of {Scope} expired at {ResourceVersion} ({Message}); relisting",
                    scope, resourceVersion, expired.Message);
                resourceVersion = null;
            }
            catch (Exception error)
            {
                failures++;
                health.MarkDown(scope);
                var delay = backoff.DelayAfter(failures);
                logger.LogWarning(error, "List/watch of {Scope} failed ({Failures} in a row); retrying in {Delay}",
                    scope, failures, delay);
                try
                {
                    await Task.Delay(delay, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<string> ListAsync(string? namespaceName, string scope, CancellationToken cancellationToken)
    {
        var list = await store.ListAsync(namespaceName, cancellationToken);
        foreach (var item in list.Items)
        {
            changed(WatchEventType.Added, item);
        }
        health.MarkLive(scope);
        var resourceVersion = list.Metadata?.ResourceVersion;
        if (string.IsNullOrEmpty(resourceVersion))
        {
            throw new KubernetesApiException(ApiErrorKind.Other, 200,
                $"LIST {scope} returned no metadata.resourceVersion; a watch cannot start without one");
        }
        logger.LogDebug("Listed {Count} resources in {Scope} at {ResourceVersion}",
            list.Items.Count, scope, resourceVersion);
        return resourceVersion;
    }

    /// <summary>
    /// Streams one watch, advancing <paramref name="position"/> with every event and bookmark. A stream silent past
    /// its own timeout plus <see cref="WatchOptions.StallGrace"/> is abandoned as if the server had closed it.
    /// </summary>
    private async Task WatchAsync(
        string? namespaceName, string scope, WatchPosition position, CancellationToken cancellationToken)
    {
        using var stalled = new CancellationTokenSource(options.Timeout + options.StallGrace, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stalled.Token);
        try
        {
            await foreach (var (type, resource) in store.WatchAsync(
                               namespaceName, position.ResourceVersion, options.Timeout, linked.Token))
            {
                health.MarkLive(scope);
                if (resource.Metadata?.ResourceVersion is { Length: > 0 } seen)
                {
                    position.ResourceVersion = seen;
                }
                if (type != WatchEventType.Bookmark)
                {
                    changed(type, resource);
                }
            }
        }
        catch (Exception empty) when (EmptyWatchEnd.Matches(empty))
        {
            health.MarkLive(scope);
            logger.LogDebug("Watch of {Scope} ended by the server with no events; rewatching from {ResourceVersion}",
                scope, position.ResourceVersion);
        }
        catch (OperationCanceledException) when (stalled.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Watch of {Scope} stayed silent past {Limit}; abandoning it and rewatching from {ResourceVersion}",
                scope, options.Timeout + options.StallGrace, position.ResourceVersion);
        }
    }

    private sealed class WatchPosition(string resourceVersion)
    {
        public string ResourceVersion { get; set; } = resourceVersion;
    }
}
