using KafkaRecon.Operator.Scheduling;

namespace KafkaRecon.Tests.Scheduling;

public sealed class WindowRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 3, 30, 0, TimeSpan.Zero);

    public static TheoryData<string, string?, string?, string?, string, string> Windows => new()
    {
        { "default is yesterday UTC", null, null, null, "2026-11-25T00:00:00Z", "2026-11-26T00:00:00Z" },
        { "date picks that UTC day", "2026-02-28", null, null, "2026-02-28T00:00:00Z", "2026-03-01T00:00:00Z" },
        { "start alone spans one day", null, "2026-11-20T06:00:00Z", null, "2026-11-20T06:00:00Z", "2026-11-21T06:00:00Z" },
        { "start and end are taken as given", null, "2026-11-20T06:00:00Z", "2026-11-20T12:00:00Z", "2026-11-20T06:00:00Z", "2026-11-20T12:00:00Z" },
        { "end alone closes the day before it, as in spec.window", null, null, "2026-11-25T00:00:00Z", "2026-11-24T00:00:00Z", "2026-11-25T00:00:00Z" },
        { "offsets are converted to UTC", null, "2026-11-20T01:00:00+01:00", "2026-11-21T01:00:00+01:00", "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void Resolves_the_window(string because, string? date, string? start, string? end, string expectedStart, string expectedEnd)
    {
        var window = Request(date, start, end).Resolve(Now);
        Assert.True(Rfc3339.Format(window.Start) == expectedStart, because);
        Assert.True(Rfc3339.Format(window.End) == expectedEnd, because);
        Assert.Equal(TimeSpan.Zero, window.Start.Offset);
    }

    [Fact]
    public void Default_window_just_after_midnight_is_the_day_that_just_ended()
    {
        var window = new WindowRequest().Resolve(new DateTimeOffset(2026, 1, 1, 0, 0, 1, TimeSpan.Zero));
        Assert.Equal("2025-12-31T00:00:00Z", Rfc3339.Format(window.Start));
        Assert.True(window.IsWholeUtcDay);
    }

    [Fact]
    public void Default_window_follows_UTC_not_the_local_offset_of_now()
    {
        // 01:30 in UTC+02:00 is still the previous UTC day, whose "yesterday" is two local days back.
        var window = new WindowRequest().Resolve(new DateTimeOffset(2026, 11, 26, 1, 30, 0, TimeSpan.FromHours(2)));
        Assert.Equal("2026-11-24T00:00:00Z", Rfc3339.Format(window.Start));
    }

    [Theory]
    [InlineData("2026-11-25", "2026-11-25T00:00:00Z", null, "--date")]
    [InlineData(null, "2026-11-25T00:00:00Z", "2026-11-25T00:00:00Z", "must be after --start")]
    [InlineData(null, "2026-11-25T06:00:00Z", "2026-11-25T05:00:00Z", "must be after --start")]
    public void Rejects_contradictory_window_flags(string? date, string? start, string? end, string expectedMessagePart)
    {
        var error = Assert.Throws<ScheduleInputException>(() => Request(date, start, end).Resolve(Now));
        Assert.Contains(expectedMessagePart, error.Message);
    }

    [Theory]
    [InlineData("2026-11-25T00:00:00Z", true)]
    [InlineData("2026-11-25T00:00:00+05:30", true)]
    [InlineData("2026-11-25T00:00:00", false)]
    [InlineData("2026-11-25", false)]
    [InlineData("yesterday", false)]
    public void Rfc3339_requires_a_time_and_an_offset(string text, bool valid) =>
        Assert.Equal(valid, Rfc3339.TryParse(text, out _));

    private static WindowRequest Request(string? date, string? start, string? end) => new(
        date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        start is null ? null : DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
        end is null ? null : DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
}
