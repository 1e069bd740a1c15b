using KafkaRecon.Entities;
using KafkaRecon.Operator.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace KafkaRecon.Tests.Scheduling;

public sealed class SchedulePlannerTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 3, 30, 0, TimeSpan.Zero));

    private static ScheduleRequest Request(
        ConcurrencyPolicy policy = ConcurrencyPolicy.Forbid, WindowRequest? window = null, HistoryLimits? history = null) =>
        new("recon", "nightly", "nightly", window ?? new WindowRequest(), policy, history ?? new HistoryLimits());

    private static ScheduledRun Run(string name, ReconciliationPhase phase, int day, bool deleting = false) =>
        new(name, phase, new DateTimeOffset(2026, 11, day, 0, 0, 0, TimeSpan.Zero), null, deleting);

    // Keyed by the behaviour so the theory shows which row failed; the values use internal types.
    private static readonly Dictionary<string, (ConcurrencyPolicy Policy, ScheduledRun[] Existing, CreateDecision Expected)> DecisionTable = new()
    {
        ["nothing exists"] = (ConcurrencyPolicy.Forbid, [], CreateDecision.Create),
        ["only finished runs"] = (ConcurrencyPolicy.Forbid,
            [Run("nightly-20261124", ReconciliationPhase.Succeeded, 24), Run("nightly-20261123", ReconciliationPhase.Failed, 23)], CreateDecision.Create),
        ["cancelled counts as finished"] = (ConcurrencyPolicy.Forbid, [Run("nightly-20261124", ReconciliationPhase.Cancelled, 24)], CreateDecision.Create),
        ["running and Forbid"] = (ConcurrencyPolicy.Forbid, [Run("nightly-20261124", ReconciliationPhase.Transforming, 24)], CreateDecision.SkipBecauseRunning),
        ["pending and Forbid"] = (ConcurrencyPolicy.Forbid, [Run("nightly-20261124", ReconciliationPhase.Pending, 24)], CreateDecision.SkipBecauseRunning),
        ["running and Allow"] = (ConcurrencyPolicy.Allow, [Run("nightly-20261124", ReconciliationPhase.Querying, 24)], CreateDecision.Create),
        ["running but being deleted"] = (ConcurrencyPolicy.Forbid, [Run("nightly-20261124", ReconciliationPhase.Querying, 24, deleting: true)], CreateDecision.Create),
        ["window exists and finished"] = (ConcurrencyPolicy.Forbid, [Run("nightly-20261125", ReconciliationPhase.Succeeded, 25)], CreateDecision.AlreadyExists),
        ["window exists and still running"] = (ConcurrencyPolicy.Forbid, [Run("nightly-20261125", ReconciliationPhase.Verifying, 25)], CreateDecision.AlreadyExists),
        ["window exists, other running, Allow"] = (ConcurrencyPolicy.Allow,
            [Run("nightly-20261125", ReconciliationPhase.Pending, 25), Run("nightly-20261124", ReconciliationPhase.Coalescing, 24)], CreateDecision.AlreadyExists),
    };

    public static TheoryData<string> Decisions => new(DecisionTable.Keys);

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Decides_whether_to_create(string row)
    {
        var (policy, existing, expected) = DecisionTable[row];
        var plan = SchedulePlanner.Plan(Request(policy), existing, time.GetUtcNow());
        Assert.True(expected == plan.Decision, $"{row}: expected {expected}, got {plan.Decision} ({plan.Message})");
        Assert.Equal("nightly-20261125", plan.Name);
    }

    [Fact]
    public void Forbid_message_names_the_running_resource_and_its_phase()
    {
        var plan = SchedulePlanner.Plan(Request(), [Run("nightly-20261124", ReconciliationPhase.Transforming, 24)], time.GetUtcNow());
        Assert.Contains("nightly-20261124 (Transforming)", plan.Message);
        Assert.Contains("Forbid", plan.Message);
        Assert.Contains("--date 2026-11-25", plan.Message);
    }

    [Fact]
    public void Already_exists_message_says_nothing_is_created()
    {
        var plan = SchedulePlanner.Plan(Request(), [Run("nightly-20261125", ReconciliationPhase.Succeeded, 25)], time.GetUtcNow());
        Assert.Contains("recon/nightly-20261125", plan.Message);
        Assert.Contains("already exists", plan.Message);
    }

    [Fact]
    public void The_window_follows_the_clock()
    {
        var first = SchedulePlanner.Plan(Request(), [], time.GetUtcNow());
        time.Advance(TimeSpan.FromDays(1));
        var second = SchedulePlanner.Plan(Request(), [], time.GetUtcNow());
        Assert.Equal("nightly-20261125", first.Name);
        Assert.Equal("nightly-20261126", second.Name);
        Assert.Equal(first.Window.End, second.Window.Start);
    }

    [Fact]
    public void Explicit_date_overrides_yesterday()
    {
        var plan = SchedulePlanner.Plan(Request(window: new WindowRequest(Date: new DateOnly(2026, 10, 3))), [], time.GetUtcNow());
        Assert.Equal("nightly-20261003", plan.Name);
    }

    [Fact]
    public void History_is_pruned_even_when_Forbid_skips_the_create()
    {
        var existing = new[]
        {
            Run("nightly-20261124", ReconciliationPhase.Querying, 24),
            Run("nightly-20261123", ReconciliationPhase.Succeeded, 23),
            Run("nightly-20261122", ReconciliationPhase.Succeeded, 22),
        };
        var plan = SchedulePlanner.Plan(Request(history: new HistoryLimits(1, 1)), existing, time.GetUtcNow());
        Assert.Equal(CreateDecision.SkipBecauseRunning, plan.Decision);
        Assert.Equal(["nightly-20261122"], plan.Deletions.Select(d => d.Name));
    }

    [Theory]
    [InlineData(-1, 1, "--successful-history")]
    [InlineData(3, -1, "--failed-history")]
    public void Rejects_negative_history(int successful, int failed, string flag)
    {
        var error = Assert.Throws<ScheduleInputException>(() =>
            SchedulePlanner.Plan(Request(history: new HistoryLimits(successful, failed)), [], time.GetUtcNow()));
        Assert.Contains(flag, error.Message);
    }
}
