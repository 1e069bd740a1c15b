using KafkaRecon.Entities;
using KafkaRecon.Operator.Reconciliation;

namespace KafkaRecon.Tests.Reconciliation;

/// <summary>The one window rule, shared by spec.window and create's flags (see Scheduling/WindowRequestTests).</summary>
public sealed class WindowResolverTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 3, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Midnight = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void End_alone_closes_the_day_before_it()
    {
        var window = WindowResolver.Resolve(new WindowSpec { End = Midnight }, Now);
        Assert.Equal(Midnight.AddDays(-1), window.Start);
        Assert.Equal(Midnight, window.End);
    }

    [Fact]
    public void Start_alone_spans_one_day()
    {
        var window = WindowResolver.Resolve(new WindowSpec { Start = Midnight }, Now);
        Assert.Equal(Midnight.AddDays(1), window.End);
    }

    [Fact]
    public void Neither_bound_is_the_previous_utc_day()
    {
        var window = WindowResolver.Resolve(new WindowSpec(), Now);
        Assert.Equal(Midnight, window.Start);
        Assert.Equal(Midnight.AddDays(1), window.End);
    }

    [Fact]
    public void Bounds_with_an_offset_are_converted_to_utc()
    {
        var window = WindowResolver.Resolve(new WindowSpec { Start = Midnight.ToOffset(TimeSpan.FromHours(2)) }, Now);
        Assert.Equal(TimeSpan.Zero, window.Start.Offset);
        Assert.Equal(Midnight, window.Start);
    }
}
