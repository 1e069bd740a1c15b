using KafkaRecon.Operator.Kubernetes.Queue;
using KafkaRecon.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KafkaRecon.Tests.Kubernetes.Queue;

public sealed class WorkQueueTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(100);
    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2026-11-26T00:00:00Z"));

    [Fact]
    public async Task Repeated_adds_of_a_queued_key_are_taken_once()
    {
        using var queue = new WorkQueue<string>(time);
        queue.Add("ns/a");
        queue.Add("ns/a");
        queue.Add("ns/b");

        Assert.Equal(2, queue.Depth);
        Assert.Equal("ns/a", (await queue.TakeAsync(CancellationToken.None)).Key);
        Assert.Equal("ns/b", (await queue.TakeAsync(CancellationToken.None)).Key);
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task A_key_being_processed_is_not_handed_to_a_second_worker()
    {
        using var queue = new WorkQueue<string>(time);
        queue.Add("ns/a");
        var first = await queue.TakeAsync(CancellationToken.None);

        queue.Add("ns/a");
        var second = queue.TakeAsync(CancellationToken.None);
        await Assert.ThrowsAsync<TimeoutException>(() => second.WaitAsync(Short));

        queue.Done(first.Key);
        Assert.Equal("ns/a", (await second.WaitAsync(TimeSpan.FromSeconds(5))).Key);
    }

    [Fact]
    public async Task A_key_added_while_processing_runs_once_more_after_done()
    {
        using var queue = new WorkQueue<string>(time);
        queue.Add("ns/a");
        var taken = await queue.TakeAsync(CancellationToken.None);
        queue.Add("ns/a");
        queue.Add("ns/a");
        Assert.Equal(0, queue.Depth);

        queue.Done(taken.Key);

        Assert.Equal(1, queue.Depth);
        var again = await queue.TakeAsync(CancellationToken.None);
        queue.Done(again.Key);
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task Many_workers_never_process_the_same_key_concurrently()
    {
        using var queue = new WorkQueue<string>(TimeProvider.System);
        var active = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var overlaps = 0;
        var processed = 0;
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var (taken, key) = await queue.TakeAsync(stop.Token);
                if (!taken)
                {
                    return;
                }
                if (active.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
                {
                    Interlocked.Increment(ref overlaps);
                }
                await Task.Yield();
                active.AddOrUpdate(key, 0, (_, n) => n - 1);
                Interlocked.Increment(ref processed);
                queue.Done(key);
            }
        })).ToArray();

        for (var i = 0; i < 2000; i++)
        {
            queue.Add($"ns/{i % 3}");
        }
        await Poll.UntilAsync(() => queue.Depth == 0 && queue.InFlight == 0, "queue drained");
        queue.ShutDown();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, overlaps);
        Assert.True(processed >= 3, $"processed {processed}");
    }

    [Fact]
    public async Task A_first_answer_worker_takes_only_urgent_keys_and_none_twice()
    {
        using var queue = new WorkQueue<string>(time);
        queue.Add("ns/old");
        var waiting = queue.TakeUrgentAsync(CancellationToken.None);
        await Assert.ThrowsAsync<TimeoutException>(() => waiting.WaitAsync(Short));

        queue.AddUrgent("ns/new");
        Assert.Equal("ns/new", (await waiting.WaitAsync(TimeSpan.FromSeconds(5))).Key);

        // An urgent key a general worker took first is not handed out again.
        queue.AddUrgent("ns/newer");
        Assert.Equal("ns/newer", (await queue.TakeAsync(CancellationToken.None)).Key);
        var next = queue.TakeUrgentAsync(CancellationToken.None);
        await Assert.ThrowsAsync<TimeoutException>(() => next.WaitAsync(Short));
        Assert.Equal("ns/old", (await queue.TakeAsync(CancellationToken.None)).Key);
    }

    [Fact]
    public async Task A_queued_key_made_urgent_wakes_a_first_answer_worker()
    {
        using var queue = new WorkQueue<string>(time);
        queue.Add("ns/a");
        var waiting = queue.TakeUrgentAsync(CancellationToken.None);

        queue.AddUrgent("ns/a");

        Assert.Equal("ns/a", (await waiting.WaitAsync(TimeSpan.FromSeconds(5))).Key);
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task Urgent_keys_are_taken_before_other_keys_in_the_order_they_came()
    {
        using var queue = new WorkQueue<string>(time);
        queue.Add("ns/old-1");
        queue.AddUrgent("ns/new-1");
        queue.Add("ns/old-2");
        queue.AddUrgent("ns/new-2");

        Assert.Equal(4, queue.Depth);
        Assert.Equal(["ns/new-1", "ns/new-2", "ns/old-1", "ns/old-2"], await TakeAll(queue, 4));
    }

    [Fact]
    public async Task An_urgent_add_moves_a_queued_key_ahead_once()
    {
        using var queue = new WorkQueue<string>(time);
        queue.Add("ns/a");
        queue.Add("ns/b");
        queue.AddUrgent("ns/b");
        queue.AddUrgent("ns/b");

        Assert.Equal(2, queue.Depth);
        Assert.Equal(["ns/b", "ns/a"], await TakeAll(queue, 2));
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task An_urgent_add_of_a_key_being_processed_runs_it_once_more_after_done()
    {
        using var queue = new WorkQueue<string>(time);
        queue.AddUrgent("ns/a");
        var taken = await queue.TakeAsync(CancellationToken.None);
        queue.AddUrgent("ns/a");
        Assert.Equal(0, queue.Depth);

        queue.Done(taken.Key);

        Assert.Equal(["ns/a"], await TakeAll(queue, 1));
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task AddAfter_makes_the_key_ready_only_when_the_delay_has_passed()
    {
        using var queue = new WorkQueue<string>(time);
        queue.AddAfter("ns/a", TimeSpan.FromSeconds(30));

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, queue.Depth);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Depth);
        Assert.Equal("ns/a", (await queue.TakeAsync(CancellationToken.None)).Key);
    }

    [Fact]
    public void AddAfter_keeps_the_earliest_due_time()
    {
        using var queue = new WorkQueue<string>(time);
        queue.AddAfter("ns/a", TimeSpan.FromSeconds(60));
        queue.AddAfter("ns/a", TimeSpan.FromSeconds(10));
        queue.AddAfter("ns/a", TimeSpan.FromSeconds(45));

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, queue.Depth);
        Assert.Equal(1, queue.AddsTotal);
    }

    [Fact]
    public async Task Rate_limited_adds_wait_longer_after_each_failure_and_reset_after_forget()
    {
        using var queue = new WorkQueue<string>(time);

        Assert.Equal(TimeSpan.FromMilliseconds(5), await ReadyAfterRateLimitedAdd(queue));
        Assert.Equal(TimeSpan.FromMilliseconds(10), await ReadyAfterRateLimitedAdd(queue));
        Assert.Equal(TimeSpan.FromMilliseconds(20), await ReadyAfterRateLimitedAdd(queue));
        Assert.Equal(3, queue.RetriesTotal);

        queue.Forget("ns/a");
        Assert.Equal(TimeSpan.FromMilliseconds(5), await ReadyAfterRateLimitedAdd(queue));
    }

    [Fact]
    public async Task Shutdown_stops_handing_out_keys_and_waits_for_in_flight_work()
    {
        using var queue = new WorkQueue<string>(time);
        queue.Add("ns/a");
        queue.Add("ns/b");
        var inFlight = await queue.TakeAsync(CancellationToken.None);

        queue.ShutDown();
        var drained = queue.WhenIdleAsync(CancellationToken.None);

        Assert.False((await queue.TakeAsync(CancellationToken.None)).Taken);
        Assert.False(drained.IsCompleted);
        queue.Done(inFlight.Key);
        await drained.WaitAsync(TimeSpan.FromSeconds(5));
        var adds = queue.AddsTotal;
        queue.Add("ns/c");
        Assert.Equal(adds, queue.AddsTotal);
    }

    [Fact]
    public async Task Shutdown_releases_workers_waiting_for_keys()
    {
        using var queue = new WorkQueue<string>(time);
        var waiting = queue.TakeAsync(CancellationToken.None);
        queue.ShutDown();
        Assert.False((await waiting.WaitAsync(TimeSpan.FromSeconds(5))).Taken);
    }

    [Fact]
    public void Delayed_adds_pending_at_shutdown_never_fire()
    {
        using var queue = new WorkQueue<string>(time);
        queue.AddAfter("ns/a", TimeSpan.FromSeconds(1));
        queue.ShutDown();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, queue.Depth);
    }

    private static async Task<List<string>> TakeAll(WorkQueue<string> queue, int count)
    {
        var keys = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var (_, key) = await queue.TakeAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            queue.Done(key);
            keys.Add(key);
        }
        return keys;
    }

    private async Task<TimeSpan> ReadyAfterRateLimitedAdd(WorkQueue<string> queue)
    {
        queue.AddRateLimited("ns/a");
        var waited = TimeSpan.Zero;
        var step = TimeSpan.FromMilliseconds(5);
        while (queue.Depth == 0)
        {
            time.Advance(step);
            waited += step;
        }
        var (_, key) = await queue.TakeAsync(CancellationToken.None);
        queue.Done(key);
        return waited;
    }
}
