using System.Threading.Channels;

namespace KafkaRecon.ApiServer.Storage;

/// <summary>One open watch: receives every change of its resource (and namespace) after it was opened.</summary>
internal sealed class WatchSubscription(string storageKey, string? @namespace) : IDisposable
{
    private readonly Channel<StoredEvent> _events = Channel.CreateUnbounded<StoredEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _dropped = new();
    private volatile bool _stalled;
    private volatile bool _abortOnDrop;

    public string StorageKey { get; } = storageKey;

    public string? Namespace { get; } = @namespace;

    public ChannelReader<StoredEvent> Events => _events.Reader;

    /// <summary>Cancelled when the fault injector drops the watch.</summary>
    public CancellationToken Dropped => _dropped.Token;

    /// <summary>A stalled watch stays open but sends nothing more, like a connection hung in a proxy.</summary>
    public bool Stalled => _stalled;

    /// <summary>Whether a drop cuts the connection (a network failure) instead of ending the stream cleanly.</summary>
    public bool AbortOnDrop => _abortOnDrop;

    public bool Wants(StoredEvent change) =>
        change.StorageKey == StorageKey && (Namespace is null || Namespace == change.Namespace);

    public void Publish(StoredEvent change) => _events.Writer.TryWrite(change);

    public void Drop(bool abort)
    {
        _abortOnDrop = abort;
        try
        {
            _dropped.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The watch already ended.
        }
    }

    public void Stall() => _stalled = true;

    public void Dispose()
    {
        _events.Writer.TryComplete();
        _dropped.Dispose();
    }
}
