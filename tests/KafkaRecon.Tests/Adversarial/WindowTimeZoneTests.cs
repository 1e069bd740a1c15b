namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// Issue 12 case 13: a window time without a zone was read in the machine's local zone (the window moved with TZ).
/// It is rejected, naming the field (docs/reference and the README say so).
/// </summary>
public sealed class WindowTimeZoneTests : IDisposable
{
    private readonly HostileResource resource = new();

    public void Dispose() => resource.Dispose();

    [Theory]
    [InlineData("start: 2024-03-01T00:00:00", "spec.window.start")]
    [InlineData("start: 2024-03-01T00:00:00Z\n    end: 2024-03-02T00:00:00", "spec.window.end")]
    [InlineData("start: \"2024-03-01 00:00\"", "spec.window.start")]
    public async Task Window_time_without_a_zone_is_rejected_naming_the_field(string window, string field)
    {
        resource.Window = window;
        var (exit, error, _) = await resource.RunAsync();
        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.Contains(field, error);
        Assert.Contains("zone", error);
    }

    [Fact]
    public async Task Window_time_with_an_offset_is_accepted()
    {
        resource.Window = "start: 2024-03-01T01:00:00+01:00";
        var (exit, error, _) = await resource.RunAsync();
        Assert.True(exit == 0, $"exit {exit}: {error}");
    }
}
