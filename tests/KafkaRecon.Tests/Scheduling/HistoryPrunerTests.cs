using KafkaRecon.Entities;
using KafkaRecon.Operator.Scheduling;

namespace KafkaRecon.Tests.Scheduling;

public sealed class HistoryPrunerTests
{
    private static ScheduledRun Run(int day, ReconciliationPhase phase, bool deleting = false) => new(
        $"nightly-202611{day:00}", phase, new DateTimeOffset(2026, 11, day, 0, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, day + 1, 3, 30, 0, TimeSpan.Zero), deleting);

    private static string[] Names(IEnumerable<ScheduledRun> runs) => runs.Select(r => r.Name).Order().ToArray();

    [Fact]
    public void Keeps_the_newest_succeeded_and_deletes_older_ones()
    {
        var runs = Enumerable.Range(1, 6).Select(d => Run(d, ReconciliationPhase.Succeeded)).ToList();
        var deleted = HistoryPruner.SelectForDeletion(runs, new HistoryLimits(3, 1), "nightly-20261107");
        Assert.Equal(["nightly-20261101", "nightly-20261102", "nightly-20261103"], Names(deleted));
    }

    [Fact]
    public void Failed_and_cancelled_share_the_failed_history()
    {
        var runs = new[] { Run(1, ReconciliationPhase.Failed), Run(2, ReconciliationPhase.Cancelled), Run(3, ReconciliationPhase.Failed) };
        var deleted = HistoryPruner.SelectForDeletion(runs, new HistoryLimits(3, 1), "nightly-20261107");
        Assert.Equal(["nightly-20261101", "nightly-20261102"], Names(deleted));
    }

    [Fact]
    public void Succeeded_and_failed_limits_are_counted_separately()
    {
        var runs = new[]
        {
            Run(1, ReconciliationPhase.Succeeded), Run(2, ReconciliationPhase.Failed),
            Run(3, ReconciliationPhase.Succeeded), Run(4, ReconciliationPhase.Failed),
        };
        var deleted = HistoryPruner.SelectForDeletion(runs, new HistoryLimits(1, 1), "nightly-20261107");
        Assert.Equal(["nightly-20261101", "nightly-20261102"], Names(deleted));
    }

    [Theory]
    [InlineData(ReconciliationPhase.Pending)]
    [InlineData(ReconciliationPhase.Coalescing)]
    [InlineData(ReconciliationPhase.Transforming)]
    [InlineData(ReconciliationPhase.Querying)]
    [InlineData(ReconciliationPhase.Verifying)]
    public void Never_deletes_unfinished_resources(ReconciliationPhase phase)
    {
        var deleted = HistoryPruner.SelectForDeletion([Run(1, phase), Run(2, phase)], new HistoryLimits(0, 0), "x");
        Assert.Empty(deleted);
    }

    [Fact]
    public void Never_deletes_the_current_window_resource_even_with_zero_history()
    {
        // Deleting it would let the next CronJob run of the same day recreate and re-run the window.
        var deleted = HistoryPruner.SelectForDeletion(
            [Run(24, ReconciliationPhase.Succeeded), Run(25, ReconciliationPhase.Succeeded)], new HistoryLimits(0, 0), "nightly-20261125");
        Assert.Equal(["nightly-20261124"], Names(deleted));
    }

    [Fact]
    public void Resources_already_being_deleted_are_neither_deleted_again_nor_counted()
    {
        var runs = new[] { Run(1, ReconciliationPhase.Succeeded), Run(2, ReconciliationPhase.Succeeded, deleting: true) };
        Assert.Empty(HistoryPruner.SelectForDeletion(runs, new HistoryLimits(1, 1), "x"));
    }

    [Fact]
    public void Orders_by_window_start_not_by_creation_time()
    {
        // A backfill of an old day created today is still the oldest window.
        var backfill = new ScheduledRun("nightly-20261101", ReconciliationPhase.Succeeded,
            new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var deleted = HistoryPruner.SelectForDeletion([backfill, Run(20, ReconciliationPhase.Succeeded)], new HistoryLimits(1, 1), "x");
        Assert.Equal(["nightly-20261101"], Names(deleted));
    }

    [Fact]
    public void Falls_back_to_creation_time_when_no_window_is_known()
    {
        var older = new ScheduledRun("b", ReconciliationPhase.Failed, null, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var newer = new ScheduledRun("a", ReconciliationPhase.Failed, null, new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(["b"], Names(HistoryPruner.SelectForDeletion([older, newer], new HistoryLimits(1, 1), "x")));
    }
}
