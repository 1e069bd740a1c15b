using KafkaRecon.Entities;
using KafkaRecon.Operator.Inputs;
using KafkaRecon.Operator.Reconciliation;

namespace KafkaRecon.Tests.Reconciliation;

public sealed class StartDecisionTests
{
    /// <summary>The window 2026-11-25 with a 30-minute margin: it closes at 2026-11-26T00:30Z.</summary>
    private static readonly ResolvedWindow Window = new()
    {
        Start = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero),
        End = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero),
        MarginMinutes = 30,
    };

    private static readonly DateTimeOffset Closed = Window.End.AddMinutes(30);
    private static readonly DateTimeOffset Since = Closed.AddMinutes(5);
    private const string Marker = "s3://exports/_SUCCESS";

    public enum Expect { Go, TimedOut, Wait, Observe }

    /// <summary>What a look at the inputs saw, in plain values (the observation type is internal).</summary>
    public sealed record Seen(int? ChangedMinutesAfterSince, string[] MissingMarkers, string? Error = null);

    public sealed record Case(
        string Name, StartSpec Start, int MinutesAfterSince, Seen? Observation, Expect Expected,
        int? NextCheckMinutesAfterSince = null, string? WaitingFor = null)
    {
        public override string ToString() => Name;
    }

    private static Seen Changed(int minutesAfterSince, params string[] missingMarkers) => new(minutesAfterSince, missingMarkers);

    private static InputObservation? Observation(Seen? seen) => seen switch
    {
        null => null,
        { Error: { } error } => InputObservation.Failed(error),
        _ => new InputObservation(
            seen.ChangedMinutesAfterSince is { } m ? Since.AddMinutes(m) : null, 3, seen.MissingMarkers),
    };

    public static TheoryData<Case> Cases() => new()
    {
        new("no conditions: start at once", new StartSpec(), 0, null, Expect.Go),
        new("before notBefore: wait until it, without looking",
            new StartSpec { NotBefore = "2h" }, 0, null, Expect.Wait, NextCheckMinutesAfterSince: 115, WaitingFor: "notBefore"),
        new("notBefore passed, nothing else: start", new StartSpec { NotBefore = "2h" }, 115, null, Expect.Go),
        new("notBefore is not cut short by maxWait",
            new StartSpec { NotBefore = "2h", QuietPeriod = "10m", MaxWait = "10m" }, 60, null, Expect.Wait, 115, "notBefore"),
        new("quietPeriod needs a look first", new StartSpec { QuietPeriod = "15m" }, 0, null, Expect.Observe),
        new("files changed within the quiet period: wait until it passes",
            new StartSpec { QuietPeriod = "15m" }, 10, Changed(5), Expect.Wait, NextCheckMinutesAfterSince: 20, WaitingFor: "quietPeriod"),
        new("quiet for long enough: start", new StartSpec { QuietPeriod = "15m" }, 20, Changed(5), Expect.Go),
        new("no manifest file at all counts as quiet", new StartSpec { QuietPeriod = "15m" }, 0, new Seen(null, []), Expect.Go),
        new("missing marker: look again after the poll interval",
            new StartSpec { Markers = [Marker] }, 0, Changed(-60, Marker), Expect.Wait, NextCheckMinutesAfterSince: 2, WaitingFor: "markers missing: s3://exports/_SUCCESS"),
        new("marker present: start", new StartSpec { Markers = [Marker] }, 0, Changed(-60), Expect.Go),
        new("marker and quiet period both needed",
            new StartSpec { QuietPeriod = "15m", Markers = [Marker] }, 20, Changed(5, Marker), Expect.Wait, 22, "markers missing"),
        new("the wait never sleeps past maxWait",
            new StartSpec { QuietPeriod = "30m", MaxWait = "1h" }, 50, Changed(45), Expect.Wait, NextCheckMinutesAfterSince: 60),
        new("maxWait ran out with a marker missing: start anyway, timed out",
            new StartSpec { Markers = [Marker], MaxWait = "1h" }, 60, Changed(-60, Marker), Expect.TimedOut),
        new("maxWait counts from notBefore when that is later",
            new StartSpec { NotBefore = "1h", Markers = [Marker], MaxWait = "1h" }, 100, Changed(-60, Marker), Expect.Wait, 102),
        new("a failed look is waited out like a missing marker",
            new StartSpec { QuietPeriod = "15m" }, 0, new Seen(null, [], "Access Denied"), Expect.Wait, 2, "inputs could not be listed: Access Denied"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_from_spec_observation_and_now(Case c)
    {
        var verdict = StartDecision.Decide(c.Start, Window, Since, Observation(c.Observation), Since.AddMinutes(c.MinutesAfterSince));

        switch (c.Expected)
        {
            case Expect.Go:
                var go = Assert.IsType<StartVerdict.Go>(verdict);
                Assert.False(go.TimedOut);
                Assert.Empty(go.Unmet);
                break;
            case Expect.TimedOut:
                var timedOut = Assert.IsType<StartVerdict.Go>(verdict);
                Assert.True(timedOut.TimedOut);
                Assert.NotEmpty(timedOut.Unmet);
                break;
            case Expect.Observe:
                Assert.IsType<StartVerdict.Observe>(verdict);
                break;
            default:
                var wait = Assert.IsType<StartVerdict.Wait>(verdict);
                if (c.NextCheckMinutesAfterSince is { } next)
                {
                    Assert.Equal(Since.AddMinutes(next), wait.NextCheck);
                }
                if (c.WaitingFor is { } what)
                {
                    Assert.Contains(wait.WaitingFor, line => line.Contains(what, StringComparison.Ordinal));
                }
                break;
        }
    }
}
