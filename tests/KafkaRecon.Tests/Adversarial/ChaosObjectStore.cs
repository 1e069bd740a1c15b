using System.Runtime.CompilerServices;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// A real <see cref="LocalObjectStore"/> whose every call is a numbered step: before a step, the lines scheduled for it
/// are appended to their files (a writer working alongside); from the kill step on, every call throws, as if the
/// process had died there.
/// </summary>
internal sealed class ChaosObjectStore(int killAt, ILookup<int, Action> appendsAt) : IObjectStore
{
    private readonly LocalObjectStore _inner = new();
    private int _steps;

    public int Steps => _steps;

    public async IAsyncEnumerable<StoredObject> ListAsync(
        string location, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Step();
        await foreach (var item in _inner.ListAsync(location, cancellationToken))
        {
            yield return item;
        }
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(
        string location, ListingSkips skips, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Step();
        await foreach (var item in _inner.ListAsync(location, skips, cancellationToken))
        {
            yield return item;
        }
    }

    public Task<Stream> OpenReadAsync(string location, CancellationToken cancellationToken)
    {
        Step();
        return _inner.OpenReadAsync(location, cancellationToken);
    }

    public Task<IReadOnlyList<ObjectContent>> ReadWholeAsync(
        IReadOnlyList<StoredObject> objects, int maxConcurrentReads, CancellationToken cancellationToken)
    {
        Step();
        return _inner.ReadWholeAsync(objects, maxConcurrentReads, cancellationToken);
    }

    public async Task WriteAsync(string location, Stream content, CancellationToken cancellationToken)
    {
        Step();
        await _inner.WriteAsync(location, content, cancellationToken);
        Step();
    }

    public Task<bool> ExistsAsync(string location, CancellationToken cancellationToken)
    {
        Step();
        return _inner.ExistsAsync(location, cancellationToken);
    }

    public Task<StoredObject?> StatAsync(string location, CancellationToken cancellationToken)
    {
        Step();
        return _inner.StatAsync(location, cancellationToken);
    }

    public async Task<ConditionalDelete> DeleteUnchangedAsync(IReadOnlyList<StoredObject> listed, CancellationToken cancellationToken)
    {
        Step();
        var outcome = await _inner.DeleteUnchangedAsync(listed, cancellationToken);
        Step();
        return outcome;
    }

    public Task<int> RemoveStaleTemporariesAsync(string location, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        Step();
        return _inner.RemoveStaleTemporariesAsync(location, staleBefore, cancellationToken);
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> locations, CancellationToken cancellationToken)
    {
        Step();
        await _inner.DeleteAsync(locations, cancellationToken);
        Step();
    }

    private void Step()
    {
        var step = Interlocked.Increment(ref _steps) - 1;
        foreach (var append in appendsAt[step])
        {
            append();
        }
        if (step >= killAt)
        {
            throw new IOException($"killed at step {killAt}");
        }
    }
}
