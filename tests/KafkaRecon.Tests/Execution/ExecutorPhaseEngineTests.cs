using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Execution;
using KafkaRecon.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace KafkaRecon.Tests.Execution;

public sealed class ExecutorPhaseEngineTests : IDisposable
{
    private readonly List<RunExecutor> _executors = [];
    private readonly GatedEngine _inner = new();

    [Fact]
    public async Task Start_returns_at_once_while_the_work_runs_off_the_caller()
    {
        var engine = Engine(slots: 1);

        var started = await engine.StartAsync(Context("key-1"), CancellationToken.None);

        Assert.Equal(ObservedState.Running, started.State);
        Assert.True(started.InProcess);
        Assert.Null(started.Queue);
        await Poll.UntilAsync(() => _inner.Starts == 1, "the work started in the executor");
        _inner.Release();
        await Poll.UntilAsync(async () =>
            (await engine.PollAsync(Context("key-1"), CancellationToken.None)).State == ObservedState.Succeeded,
            "the poll observes the result");
    }

    [Fact]
    public async Task Work_beyond_the_slots_reports_its_place_in_the_queue()
    {
        var engine = Engine(slots: 1);
        await engine.StartAsync(Context("key-1"), CancellationToken.None);

        var second = await engine.StartAsync(Context("key-2"), CancellationToken.None);
        var third = await engine.StartAsync(Context("key-3"), CancellationToken.None);

        Assert.Equal(new QueuePlace(1, 1, 1), second.Queue);
        Assert.Equal(new QueuePlace(2, 2, 1), third.Queue);
        Assert.Equal(ObservedState.Running, third.State);
        Assert.Equal(ExecutorPhaseEngine.QueuedPollInterval(third.Queue!), third.PollAfter);
    }

    [Fact]
    public async Task A_restarted_operator_runs_work_it_does_not_know_again_instead_of_waiting_for_it()
    {
        var before = Engine(slots: 1);
        await before.StartAsync(Context("key-1"), CancellationToken.None);
        await Poll.UntilAsync(() => _inner.Starts == 1, "the first process started the work");
        _executors[0].Dispose(); // the process dies with its executor

        var after = Engine(slots: 1);
        var polled = await after.PollAsync(Context("key-1"), CancellationToken.None);

        Assert.Equal(ObservedState.Running, polled.State);
        await Poll.UntilAsync(() => _inner.Starts == 2, "the new process ran the work again");
        _inner.Release();
        await Poll.UntilAsync(async () =>
            (await after.PollAsync(Context("key-1"), CancellationToken.None)).State == ObservedState.Succeeded,
            "the re-run's result is observed");
        Assert.Equal(2, _inner.Starts);
    }

    [Fact]
    public async Task Asking_again_with_the_same_key_reports_the_work_instead_of_starting_it_twice()
    {
        var engine = Engine(slots: 1);
        await engine.StartAsync(Context("key-1"), CancellationToken.None);
        await Poll.UntilAsync(() => _inner.Starts == 1, "the work started");

        var again = await engine.StartAsync(Context("key-1"), CancellationToken.None);
        _inner.Release();

        Assert.True(again.InProcess);
        await Poll.UntilAsync(async () =>
            (await engine.StartAsync(Context("key-1"), CancellationToken.None)).State == ObservedState.Succeeded,
            "asking again observes the result");
        Assert.Equal(1, _inner.Starts);
    }

    [Fact]
    public async Task Work_that_started_external_work_reports_its_ids_before_the_engine_is_polled()
    {
        _inner.Answer = PhaseObservation.Running(["job-1"], TimeSpan.FromSeconds(5));
        var engine = Engine(slots: 1);
        await engine.StartAsync(Context("key-1"), CancellationToken.None);
        _inner.Release();
        await Poll.UntilAsync(() => _executors[0].Running == 0, "the work returned");

        var first = await engine.StartAsync(Context("key-1"), CancellationToken.None);
        var polledBeforeTheIdsWereKept = _inner.Polls;
        var next = await engine.PollAsync(Context("key-1", "job-1"), CancellationToken.None);

        Assert.Equal(["job-1"], first.ExternalIds);
        Assert.False(first.InProcess);
        Assert.Equal(0, polledBeforeTheIdsWereKept);
        Assert.Equal(["job-1"], next.ExternalIds);
        Assert.Equal(1, _inner.Polls);
    }

    [Fact]
    public async Task Cancel_takes_the_work_out_of_the_executor_and_tells_the_engine()
    {
        var engine = Engine(slots: 1);
        await engine.StartAsync(Context("key-1"), CancellationToken.None);
        await engine.StartAsync(Context("key-2"), CancellationToken.None);
        await Poll.UntilAsync(() => _inner.Starts == 1, "the first work started");

        await engine.CancelAsync(Context("key-2"), CancellationToken.None);
        await engine.CancelAsync(Context("key-1"), CancellationToken.None);

        Assert.Equal(2, _inner.Cancels);
        Assert.Null(_executors[0].Observe("key-1"));
        Assert.Null(_executors[0].Observe("key-2"));
        Assert.Equal(0, _executors[0].Waiting);
        await Poll.UntilAsync(() => _executors[0].Running == 0, "the cancelled work gave its slot back");
        Assert.Equal(1, _inner.Starts);
    }

    public void Dispose()
    {
        _inner.Release();
        foreach (var executor in _executors)
        {
            executor.Dispose();
        }
    }

    private ExecutorPhaseEngine Engine(int slots)
    {
        var executor = new RunExecutor(slots, TimeProvider.System, NoRunExecutorObserver.Instance, NullLogger<RunExecutor>.Instance);
        _executors.Add(executor);
        return new ExecutorPhaseEngine(_inner, executor, NullLogger.Instance);
    }

    private static PhaseContext Context(string key, params string[] externalIds) => new(
        new ResourceIdentity("ns", "nightly", "uid"), "nightly-run", new ResolvedWindow(),
        new KafkaReconciliationSpec { Output = new OutputSpec { Location = "/out" } }, 1, key, externalIds.ToList());
}
