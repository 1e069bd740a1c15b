using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Execution;
using KafkaRecon.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KafkaRecon.Tests.Execution;

public sealed class RunExecutorTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-26T00:00:00Z"));
    private readonly RecordingExecutorObserver _observer = new();
    private readonly GatedWork _work = new();
    private readonly RunExecutor _executor;

    public RunExecutorTests() =>
        _executor = new RunExecutor(2, _time, _observer, NullLogger<RunExecutor>.Instance);

    [Fact]
    public async Task At_most_the_slots_run_at_once_and_the_rest_wait_in_order()
    {
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            Submit(key);
        }

        await Poll.UntilAsync(() => _work.Started == 2, "two works started");
        _time.Advance(RunExecutor.PlaceRefresh(2)); // places reported at submission are refreshed
        Assert.IsType<ExecutionState.Running>(_executor.Observe("a"));
        Assert.IsType<ExecutionState.Running>(_executor.Observe("b"));
        Assert.Equal(new ExecutionState.Queued(1, 2, 2), _executor.Observe("c"));
        Assert.Equal(new ExecutionState.Queued(2, 2, 2), _executor.Observe("d"));
        Assert.Equal((2, 2), _observer.Last);
        Assert.Equal(2, _work.Started);
    }

    [Fact]
    public async Task A_resource_s_next_phase_waits_only_behind_resources_that_came_before_it()
    {
        foreach (var key in new[] { "a", "b", "c", "d", "e" })
        {
            Submit(key);
        }
        await Poll.UntilAsync(() => _work.Started == 2, "two works started");

        // a's first phase ends and its next phase arrives: it goes ahead of d and e, which came after a; d's next
        // phase goes right behind d's first, ahead of e.
        _work.Finish("a");
        await Poll.UntilAsync(() => _executor.Observe("c") is ExecutionState.Running, "c started in a's slot");
        _executor.Submit("a-next", Owner("a"), _work.For("a-next"));
        _executor.Submit("d-next", Owner("d"), _work.For("d-next"));
        _time.Advance(RunExecutor.PlaceRefresh(3));

        Assert.Equal(new ExecutionState.Queued(1, 4, 2), _executor.Observe("a-next"));
        Assert.Equal(new ExecutionState.Queued(2, 4, 2), _executor.Observe("d"));
        Assert.Equal(new ExecutionState.Queued(3, 4, 2), _executor.Observe("d-next"));
        Assert.Equal(new ExecutionState.Queued(4, 4, 2), _executor.Observe("e"));
    }

    [Fact]
    public async Task Finishing_work_frees_its_slot_for_the_next_and_wakes_both_owners()
    {
        Submit("a");
        Submit("b");
        Submit("c");
        await Poll.UntilAsync(() => _work.Started == 2, "two works started");

        _work.Finish("a");

        await Poll.UntilAsync(() => _executor.Observe("c") is ExecutionState.Running, "c started");
        var finished = Assert.IsType<ExecutionState.Finished>(_executor.Observe("a"));
        Assert.Equal(ObservedState.Succeeded, finished.Observation.State);
        await Poll.UntilAsync(() => _observer.Woken.Contains("owner-a") && _observer.Woken.Contains("owner-c"),
            "the finished and the started owner woken");
    }

    [Fact]
    public async Task Submitting_a_known_key_again_does_not_run_it_twice()
    {
        Submit("a");
        Submit("a");
        _work.Finish("a");
        await Poll.UntilAsync(() => _executor.Observe("a") is ExecutionState.Finished, "a finished");

        Assert.IsType<ExecutionState.Finished>(Submit("a"));
        Assert.Equal(1, _work.Started);
    }

    [Fact]
    public async Task Cancelling_queued_work_takes_it_out_of_line_and_moves_the_rest_up()
    {
        Submit("a");
        Submit("b");
        Submit("c");
        Submit("d");
        await Poll.UntilAsync(() => _work.Started == 2, "two works started");

        _executor.Cancel("c");
        _time.Advance(RunExecutor.PlaceRefresh(2));

        Assert.Null(_executor.Observe("c"));
        Assert.Equal(new ExecutionState.Queued(1, 1, 2), _executor.Observe("d"));
        Assert.Equal(2, _work.Started);
    }

    [Fact]
    public async Task Cancelling_running_work_cancels_its_token_and_frees_its_slot()
    {
        Submit("a");
        Submit("b");
        Submit("c");
        await Poll.UntilAsync(() => _work.Started == 2, "two works started");

        _executor.Cancel("a");

        await Poll.UntilAsync(() => _work.Cancelled == 1, "a's token cancelled");
        await Poll.UntilAsync(() => _executor.Observe("c") is ExecutionState.Running, "c took a's slot");
        Assert.Null(_executor.Observe("a"));
    }

    [Fact]
    public async Task A_waiting_entry_reports_the_same_place_until_its_refresh_interval_passes()
    {
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            Submit(key);
        }
        await Poll.UntilAsync(() => _work.Started == 2, "two works started");
        Assert.Equal(new ExecutionState.Queued(2, 2, 2), _executor.Observe("d"));

        _work.Finish("a");
        await Poll.UntilAsync(() => _executor.Observe("c") is ExecutionState.Running, "c started");
        Assert.Equal(new ExecutionState.Queued(2, 2, 2), _executor.Observe("d"));

        _time.Advance(RunExecutor.PlaceRefresh(2));
        Assert.Equal(new ExecutionState.Queued(1, 1, 2), _executor.Observe("d"));
    }

    [Fact]
    public async Task Work_that_throws_finishes_as_a_retryable_engine_error()
    {
        _executor.Submit("boom", Owner("boom"), _ => throw new InvalidOperationException("disk full"));

        await Poll.UntilAsync(() => _executor.Observe("boom") is ExecutionState.Finished, "boom finished");
        var observation = Assert.IsType<ExecutionState.Finished>(_executor.Observe("boom")).Observation;
        Assert.Equal(PhaseFailure.EngineError, observation.Failure);
        Assert.True(observation.Retryable);
        Assert.Contains("disk full", observation.Message);
    }

    [Fact]
    public async Task An_observed_result_is_kept_for_a_while_then_forgotten()
    {
        Submit("a");
        _work.Finish("a");
        await Poll.UntilAsync(() => _executor.Observe("a") is ExecutionState.Finished, "a finished");

        _time.Advance(RunExecutor.ObservedRetention - TimeSpan.FromSeconds(1));
        Submit("later-1");
        Assert.IsType<ExecutionState.Finished>(_executor.Observe("a"));

        _time.Advance(TimeSpan.FromMinutes(2));
        Submit("later-2");
        Assert.Null(_executor.Observe("a"));
    }

    [Theory]
    [InlineData(2, 8L * 1024, 2)]
    [InlineData(8, 1024, 1)]
    [InlineData(16, 2048 + 256, 4)]
    [InlineData(4, 100, 1)]
    public void The_default_slot_count_follows_cpu_and_memory(int processors, long memoryMiB, int expected) =>
        Assert.Equal(expected, ConcurrencyDefaults.MaxConcurrentRuns(processors, memoryMiB * 1024 * 1024));

    public void Dispose() => _executor.Dispose();

    private ExecutionState Submit(string key) => _executor.Submit(key, Owner(key), _work.For(key));

    private static ResourceIdentity Owner(string key) => new("ns", "owner-" + key, "uid-" + key);
}
