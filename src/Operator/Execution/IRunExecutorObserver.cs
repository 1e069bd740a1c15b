using KafkaRecon.Operator.Engines;

namespace KafkaRecon.Operator.Execution;

/// <summary>Told when the <see cref="RunExecutor"/>'s queue or running set changes.</summary>
internal interface IRunExecutorObserver
{
    /// <summary>The counts after the change; called outside the executor's lock.</summary>
    void Counts(int queued, int running);

    /// <summary>Work of <paramref name="owner"/> started or finished: its resource should be looked at now.</summary>
    void Changed(ResourceIdentity owner);
}

/// <summary>For tests and hosts that need no notification.</summary>
internal sealed class NoRunExecutorObserver : IRunExecutorObserver
{
    public static NoRunExecutorObserver Instance { get; } = new();

    public void Counts(int queued, int running)
    {
    }

    public void Changed(ResourceIdentity owner)
    {
    }
}
