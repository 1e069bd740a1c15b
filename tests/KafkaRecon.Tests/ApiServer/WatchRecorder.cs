using System.Collections.Concurrent;
using System.Text.Json;
using k8s;
using G = KafkaRecon.Entities.KafkaReconciliation;

namespace KafkaRecon.Tests.ApiServer;

/// <summary>Runs one watch through the official client in the background and records what it delivers.</summary>
internal sealed class WatchRecorder : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<(WatchEventType Type, string? Name, string? ResourceVersion)> _events = new();
    private readonly ConcurrentQueue<Exception> _errors = new();
    private readonly Task _run;

    private WatchRecorder(k8s.Kubernetes client, string? resourceVersion, int? timeoutSeconds, bool bookmarks)
    {
        _run = Task.Run(async () =>
        {
            try
            {
                await foreach (var (type, obj) in client.CustomObjects.WatchListNamespacedCustomObjectAsync(
                    G.Group, G.Version, TestApiServer.Namespace, G.Plural,
                    allowWatchBookmarks: bookmarks, resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds,
                    onError: error => _errors.Enqueue(error), cancellationToken: _stop.Token))
                {
                    var meta = ((JsonElement)obj).GetProperty("metadata");
                    _events.Enqueue((type, Text(meta, "name"), Text(meta, "resourceVersion")));
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                _errors.Enqueue(error);
            }
        });
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.GetString() : null;

    public IReadOnlyList<(WatchEventType Type, string? Name, string? ResourceVersion)> Events => _events.ToArray();

    public IReadOnlyList<Exception> Errors => _errors.ToArray();

    /// <summary>True once the stream ended by itself (server close, error event, or dropped connection).</summary>
    public bool Ended => _run.IsCompleted;

    public static WatchRecorder Start(k8s.Kubernetes client, string? resourceVersion = null, int? timeoutSeconds = null, bool bookmarks = false) =>
        new(client, resourceVersion, timeoutSeconds, bookmarks);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // Cancelled by us.
        }

        _stop.Dispose();
    }
}
