using System.Collections.Concurrent;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Execution;

namespace KafkaRecon.Tests.Execution;

internal sealed class RecordingExecutorObserver : IRunExecutorObserver
{
    public ConcurrentQueue<string> Woken { get; } = new();

    public (int Queued, int Running) Last { get; private set; }

    public void Counts(int queued, int running) => Last = (queued, running);

    public void Changed(ResourceIdentity owner) => Woken.Enqueue(owner.Name);
}
