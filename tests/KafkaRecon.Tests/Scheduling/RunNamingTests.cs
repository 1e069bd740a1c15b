using KafkaRecon.Operator.Scheduling;

namespace KafkaRecon.Tests.Scheduling;

public sealed class RunNamingTests
{
    private static readonly DateTimeOffset Midnight = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Whole_day_window_is_named_prefix_dash_date()
    {
        Assert.Equal("nightly-20261125", RunNaming.NameFor("nightly", new ScheduleWindow(Midnight, Midnight.AddDays(1))));
    }

    [Fact]
    public void Partial_window_name_carries_start_time_and_length_so_windows_of_one_day_do_not_collide()
    {
        var morning = RunNaming.NameFor("adhoc", new ScheduleWindow(Midnight.AddHours(6), Midnight.AddHours(12)));
        var afternoon = RunNaming.NameFor("adhoc", new ScheduleWindow(Midnight.AddHours(12), Midnight.AddHours(18)));
        Assert.Equal("adhoc-20261125-0600-360m", morning);
        Assert.NotEqual(morning, afternoon);
    }

    [Fact]
    public void Same_window_always_gets_the_same_name()
    {
        var window = new ScheduleWindow(Midnight, Midnight.AddDays(1));
        Assert.Equal(RunNaming.NameFor("p", window), RunNaming.NameFor("p", window with { }));
    }

    [Theory]
    [InlineData("Nightly")]
    [InlineData("-nightly")]
    [InlineData("nightly-")]
    [InlineData("night_ly")]
    [InlineData("night.ly")]
    [InlineData("")]
    public void Rejects_prefix_that_is_not_a_DNS_1123_label(string prefix)
    {
        var error = Assert.Throws<ScheduleInputException>(() => RunNaming.NameFor(prefix, new ScheduleWindow(Midnight, Midnight.AddDays(1))));
        Assert.Contains("--prefix", error.Message);
        Assert.Contains("DNS-1123", error.Message);
    }

    [Fact]
    public void Rejects_prefix_that_makes_the_name_longer_than_63_and_says_how_long_it_may_be()
    {
        var error = Assert.Throws<ScheduleInputException>(() =>
            RunNaming.NameFor(new string('a', 60), new ScheduleWindow(Midnight, Midnight.AddDays(1))));
        Assert.Contains("at most 54 characters", error.Message);
    }

    [Theory]
    [InlineData("nightly", true)]
    [InlineData("Nightly_Run.v2", true)]
    [InlineData("", false)]
    [InlineData("-x", false)]
    [InlineData("has space", false)]
    public void Schedule_name_must_be_a_label_value(string name, bool valid)
    {
        if (valid)
        {
            RunNaming.ValidateScheduleName(name);
        }
        else
        {
            Assert.Contains("--schedule-name", Assert.Throws<ScheduleInputException>(() => RunNaming.ValidateScheduleName(name)).Message);
        }
    }
}
