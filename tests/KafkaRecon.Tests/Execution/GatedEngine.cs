using KafkaRecon.Operator.Engines;

namespace KafkaRecon.Tests.Execution;

/// <summary>
/// An in-process engine whose work (inside StartAsync) runs until released; it then succeeds, or answers
/// <see cref="Answer"/> (for work that started external work, which is then polled).
/// </summary>
internal sealed class GatedEngine : ITransformer
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _starts;
    private int _cancels;
    private int _polls;

    public int Starts => Volatile.Read(ref _starts);

    public int Cancels => Volatile.Read(ref _cancels);

    public int Polls => Volatile.Read(ref _polls);

    public PhaseObservation? Answer { get; set; }

    public void Release() => _release.TrySetResult();

    public async Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _starts);
        await _release.Task.WaitAsync(cancellationToken);
        return Answer ?? PhaseObservation.Succeeded(context.Layout.RunFolder);
    }

    public Task<PhaseObservation> PollAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        if (Answer is null || context.ExternalIds.Count == 0)
        {
            throw new InvalidOperationException("Only work that started external work is polled, by its ids.");
        }
        Interlocked.Increment(ref _polls);
        return Task.FromResult(Answer);
    }

    public Task CancelAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _cancels);
        return Task.CompletedTask;
    }
}
