using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Tests.Engines.Conformance;

/// <summary>
/// A local store that, when <see cref="Stall"/> is set, holds the write of a JSON report open until the writer's
/// token is cancelled: the in-process query runner is still at work when the deadline or an interrupt arrives. With
/// <see cref="InterruptWhenStalled"/> it plays Ctrl-C at that moment.
/// </summary>
internal sealed class StallingReportStore(IObjectStore inner, CancellationTokenSource run) : IObjectStore
{
    public bool Stall { get; set; }

    public bool InterruptWhenStalled { get; set; }

    public IAsyncEnumerable<StoredObject> ListAsync(string location, CancellationToken cancellationToken) =>
        inner.ListAsync(location, cancellationToken);

    public Task<Stream> OpenReadAsync(string location, CancellationToken cancellationToken) =>
        inner.OpenReadAsync(location, cancellationToken);

    public async Task WriteAsync(string location, Stream content, CancellationToken cancellationToken)
    {
        if (Stall && location.EndsWith("_results.json", StringComparison.Ordinal))
        {
            if (InterruptWhenStalled)
            {
                await run.CancelAsync();
            }
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        await inner.WriteAsync(location, content, cancellationToken);
    }

    public Task<bool> ExistsAsync(string location, CancellationToken cancellationToken) =>
        inner.ExistsAsync(location, cancellationToken);

    public Task<StoredObject?> StatAsync(string location, CancellationToken cancellationToken) =>
        inner.StatAsync(location, cancellationToken);

    public Task DeleteAsync(IReadOnlyCollection<string> locations, CancellationToken cancellationToken) =>
        inner.DeleteAsync(locations, cancellationToken);
}
