namespace KafkaRecon.Tests.Adversarial;

/// <summary>Issue 12 case 15: negative or absurd numbers were accepted; each has a bound (CRD schema and SpecValidator).</summary>
public sealed class AbsurdNumberTests : IDisposable
{
    private readonly HostileResource resource = new();

    public void Dispose() => resource.Dispose();

    [Theory]
    [InlineData("  verification:\n    maxMissingExports: -1", "spec.verification.maxMissingExports")]
    [InlineData("  query:\n    idsPerCollection: -5", "spec.query.idsPerCollection")]
    [InlineData("  retries:\n    query: -1", "spec.retries.query")]
    [InlineData("  transform:\n    memoryLimit: 1B", "spec.transform.memoryLimit")]
    [InlineData("  transform:\n    threads: 100000", "spec.transform.threads")]
    [InlineData("  transform:\n    memoryLimit: lots", "spec.transform.memoryLimit")]
    public async Task Out_of_bounds_number_is_invalid_input_naming_the_field(string extraSpec, string field)
    {
        resource.ExtraSpec = extraSpec;
        var (exit, error, took) = await resource.RunAsync();
        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.Contains(field, error);
        Assert.True(took < TimeSpan.FromSeconds(10), $"took {took}");
    }

    [Fact]
    public async Task Four_hundred_day_window_is_invalid_input_naming_the_field()
    {
        resource.Window = "start: 2024-01-01T00:00:00Z\n    end: 2025-02-04T00:00:00Z";
        var (exit, error, _) = await resource.RunAsync();
        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.Contains("spec.window.end", error);
    }
}
