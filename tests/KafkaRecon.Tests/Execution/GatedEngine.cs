using KafkaRecon.Operator.Engines;

namespace KafkaRecon.Tests.Execution;

/// <summary>An in-process engine whose work (inside StartAsync) runs until released.</summary>
internal sealed class GatedEngine : ITransformer
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _starts;
    private int _cancels;

    public int Starts => Volatile.Read(ref _starts);

    public int Cancels => Volatile.Read(ref _cancels);

    public void Release() => _release.TrySetResult();

    public async Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _starts);
        await _release.Task.WaitAsync(cancellationToken);
        return PhaseObservation.Succeeded(context.Layout.RunFolder);
    }

    public Task<PhaseObservation> PollAsync(PhaseContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("An in-process engine finishes inside StartAsync; it is never polled.");

    public Task CancelAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _cancels);
        return Task.CompletedTask;
    }
}
