using KafkaRecon.Entities;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Operator.Reconciliation;
using Microsoft.Extensions.Time.Testing;

namespace KafkaRecon.Tests.Cli;

public sealed class LocalRunTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Poll_interval_caps_the_wait_the_driver_asks_for()
    {
        var time = new FakeTimeProvider();
        var driver = new ScriptedReconciler(ReconcileOutcome.After(TimeSpan.FromHours(1)), ReconcileOutcome.Done);

        var run = new LocalRun(driver, time, maxWait: TimeSpan.FromSeconds(1)).DriveToCompletionAsync(Resource(), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        await run.WaitAsync(Bounded);

        Assert.Equal(2, driver.Passes);
    }

    [Fact]
    public async Task Without_a_poll_interval_the_run_waits_as_long_as_the_driver_asks()
    {
        var time = new FakeTimeProvider();
        var driver = new ScriptedReconciler(ReconcileOutcome.After(TimeSpan.FromHours(1)), ReconcileOutcome.Done);

        var run = new LocalRun(driver, time).DriveToCompletionAsync(Resource(), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(59));
        var early = driver.Passes;
        time.Advance(TimeSpan.FromMinutes(1));
        await run.WaitAsync(Bounded);

        Assert.Equal(1, early);
        Assert.Equal(2, driver.Passes);
    }

    [Fact]
    public async Task Poll_interval_longer_than_the_asked_wait_does_not_lengthen_it()
    {
        var time = new FakeTimeProvider();
        var driver = new ScriptedReconciler(ReconcileOutcome.After(TimeSpan.FromSeconds(2)), ReconcileOutcome.Done);

        var run = new LocalRun(driver, time, maxWait: TimeSpan.FromMinutes(5)).DriveToCompletionAsync(Resource(), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2));
        await run.WaitAsync(Bounded);

        Assert.Equal(2, driver.Passes);
    }

    private static KafkaReconciliation Resource() => new() { Metadata = new() { Name = "r" }, Spec = new() };

    /// <summary>Answers each pass with the next scripted outcome, synchronously.</summary>
    private sealed class ScriptedReconciler(params ReconcileOutcome[] outcomes) : IReconciler
    {
        private int passes;

        public int Passes => Volatile.Read(ref passes);

        public Task<ReconcileOutcome> ReconcileAsync(KafkaReconciliation resource, CancellationToken cancellationToken) =>
            Task.FromResult(outcomes[Interlocked.Increment(ref passes) - 1]);

        public Task CancelAsync(KafkaReconciliation resource, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
