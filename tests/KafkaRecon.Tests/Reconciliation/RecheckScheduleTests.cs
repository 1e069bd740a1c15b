using KafkaRecon.Entities;
using KafkaRecon.Operator.Reconciliation;

namespace KafkaRecon.Tests.Reconciliation;

public sealed class RecheckScheduleTests
{
    private static readonly DateTimeOffset FirstVerdict = new(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(new string[0], 1, null)]
    [InlineData(new[] { "6h", "24h" }, 0, null)]
    [InlineData(new[] { "6h", "24h" }, 1, 6.0)]
    [InlineData(new[] { "6h", "24h" }, 2, 24.0)]
    [InlineData(new[] { "6h", "24h" }, 3, null)]
    public void Next_check_counts_from_the_first_verdict(string[] after, int checksSoFar, double? hoursAfterFirst)
    {
        // Each earlier check finished late; the schedule still counts from the first verdict.
        var checks = Enumerable.Range(1, checksSoFar)
            .Select(n => new CheckRecord { Number = n, Time = FirstVerdict.AddHours(n == 1 ? 0 : 7 * n) })
            .ToList();

        var due = RecheckSchedule.NextDue(new RecheckSpec { After = after }, checks);

        Assert.Equal(hoursAfterFirst is { } h ? FirstVerdict.AddHours(h) : null, due);
    }

    [Theory]
    [InlineData(null, null, 5L, 0L, 0L)]                    // the first check recovers nothing
    [InlineData(1204L, 0L, 0L, 0L, 1204L)]                // late exports cleared every miss
    [InlineData(1204L, 3L, 200L, 1L, 1006L)]              // some arrived, imports too
    [InlineData(10L, 0L, 12L, 0L, 0L)]                    // more missing now: nothing recovered
    [InlineData(10L, 0L, null, null, 0L)]                 // the recheck could not compare
    public void Recovered_counts_earlier_misses_that_arrived_late(
        long? previousExports, long? previousImports, long? exports, long? imports, long expected)
    {
        var previous = previousExports is null
            ? null
            : new CheckRecord { Number = 1, MissingExports = previousExports, MissingImports = previousImports };

        Assert.Equal(expected, RecheckSchedule.Recovered(previous, exports, imports));
    }

    [Theory]
    [InlineData(1, "Succeeded", 0L, true)]
    [InlineData(1, "Failed", 0L, true)]
    [InlineData(2, "Succeeded", 0L, false)] // a clean window stays one message
    [InlineData(2, "Succeeded", 5L, true)]  // recovered: says so
    [InlineData(3, "Failed", 0L, true)]     // still missing: says so again
    public void First_verdicts_failures_and_recoveries_are_announced(int number, string verdict, long recovered, bool announced) =>
        Assert.Equal(announced, RecheckSchedule.Announces(new CheckRecord { Number = number, Verdict = verdict, Recovered = recovered }));

    [Fact]
    public void Recovered_counts_against_the_last_check_that_compared_not_one_that_could_not()
    {
        // Check 1 found 100 missing; check 2 could not compare (its transform failed); check 3 finds none.
        var checks = new List<CheckRecord>
        {
            new() { Number = 1, Verdict = "Failed", MissingExports = 100, MissingImports = 0 },
            new() { Number = 2, Verdict = "Failed", MissingExports = null, MissingImports = null },
        };

        Assert.Equal(100, RecheckSchedule.Recovered(RecheckSchedule.LastCompared(checks), 0, 0));
    }

    [Fact]
    public void A_recheck_that_turns_a_failed_verdict_into_success_is_announced_even_with_nothing_recovered()
    {
        // Check 1 failed (a partial report, say) with nothing missing; check 2 succeeds: the last word in Slack was
        // "failed", so the change must be said.
        var checks = new List<CheckRecord>
        {
            new() { Number = 1, Verdict = "Failed", MissingExports = 0, MissingImports = 0 },
            new() { Number = 2, Verdict = "Succeeded", MissingExports = 0, MissingImports = 0, Recovered = 0 },
        };

        Assert.True(RecheckSchedule.Announces(checks));
    }

    [Fact]
    public void A_clean_recheck_after_a_clean_verdict_stays_silent() =>
        Assert.False(RecheckSchedule.Announces(new List<CheckRecord>
        {
            new() { Number = 1, Verdict = "Succeeded" },
            new() { Number = 2, Verdict = "Succeeded" },
        }));
}
