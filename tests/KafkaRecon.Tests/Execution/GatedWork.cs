using System.Collections.Concurrent;
using KafkaRecon.Operator.Engines;

namespace KafkaRecon.Tests.Execution;

/// <summary>Work items that run until released, counting how many ran and were cancelled.</summary>
internal sealed class GatedWork
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<PhaseObservation>> _gates = new();
    private int _started;
    private int _cancelled;

    public int Started => Volatile.Read(ref _started);

    public int Cancelled => Volatile.Read(ref _cancelled);

    public Func<CancellationToken, Task<PhaseObservation>> For(string key) => async token =>
    {
        Interlocked.Increment(ref _started);
        var gate = Gate(key);
        try
        {
            return await gate.Task.WaitAsync(token);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _cancelled);
            throw;
        }
    };

    public void Finish(string key, PhaseObservation? observation = null) =>
        Gate(key).TrySetResult(observation ?? PhaseObservation.Succeeded("/out/" + key));

    private TaskCompletionSource<PhaseObservation> Gate(string key) =>
        _gates.GetOrAdd(key, _ => new TaskCompletionSource<PhaseObservation>(TaskCreationOptions.RunContinuationsAsynchronously));
}
