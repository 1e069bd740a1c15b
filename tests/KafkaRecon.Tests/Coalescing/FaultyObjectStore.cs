using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Tests.Coalescing;

/// <summary>
/// A real <see cref="LocalObjectStore"/> with injected faults: reads of chosen objects fail, writes of chosen objects
/// lose their tail after landing, and deletes stop after a number of objects as if the process died.
/// </summary>
internal sealed class FaultyObjectStore(Func<string, bool>? failReadOf = null) : IObjectStore
{
    private readonly LocalObjectStore _inner = new();

    public Func<string, bool> FailReadOf { get; init; } = failReadOf ?? (_ => false);
    public Func<string, bool> TruncateWriteOf { get; init; } = _ => false;
    /// <summary>Objects deleted before deletes start to fail (the "crash"); null means deletes never fail.</summary>
    public int? DeletesBeforeCrash { get; init; }
    /// <summary>Called as each delete call starts, to look at the folder at that moment.</summary>
    public Action? OnDelete { get; init; }

    private int _deleted;

    public IAsyncEnumerable<StoredObject> ListAsync(string location, CancellationToken cancellationToken) =>
        _inner.ListAsync(location, cancellationToken);

    public Task<Stream> OpenReadAsync(string location, CancellationToken cancellationToken) =>
        FailReadOf(location)
            ? Task.FromException<Stream>(new IOException($"injected read failure of {location}"))
            : _inner.OpenReadAsync(location, cancellationToken);

    public async Task WriteAsync(string location, Stream content, CancellationToken cancellationToken)
    {
        await _inner.WriteAsync(location, content, cancellationToken);
        if (TruncateWriteOf(location))
        {
            var length = new FileInfo(location).Length;
            await using var file = new FileStream(location, FileMode.Open, FileAccess.Write);
            file.SetLength(length / 2);
        }
    }

    public Task<bool> ExistsAsync(string location, CancellationToken cancellationToken) =>
        _inner.ExistsAsync(location, cancellationToken);

    public Task<StoredObject?> StatAsync(string location, CancellationToken cancellationToken) =>
        _inner.StatAsync(location, cancellationToken);

    public async Task DeleteAsync(IReadOnlyCollection<string> locations, CancellationToken cancellationToken)
    {
        OnDelete?.Invoke();
        foreach (var location in locations)
        {
            if (DeletesBeforeCrash is { } limit && _deleted >= limit)
            {
                throw new IOException("injected crash while deleting");
            }
            await _inner.DeleteAsync([location], cancellationToken);
            _deleted++;
        }
    }
}
