namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// Issue 12 case 12: the import and export must be different folders, and the output may not sit inside an input
/// (the next run would read its own reports as manifests).
/// </summary>
public sealed class OverlappingLocationTests : IDisposable
{
    private readonly HostileResource resource = new();

    public void Dispose() => resource.Dispose();

    [Fact]
    public async Task Import_equal_to_export_is_rejected()
    {
        resource.ExportLocation = $"\"{resource.Import}/\"";
        var (exit, error, _) = await resource.RunAsync();
        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.Contains("spec.manifests.exportLocation", error);
    }

    [Fact]
    public async Task Output_inside_the_import_is_rejected()
    {
        resource.OutputLocation = $"\"{Path.Combine(resource.Import, "reports")}\"";
        var (exit, error, _) = await resource.RunAsync();
        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.Contains("spec.output.location", error);
    }

    [Fact]
    public async Task Output_equal_to_the_export_is_rejected()
    {
        resource.OutputLocation = $"\"{resource.Export}\"";
        var (exit, error, _) = await resource.RunAsync();
        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.Contains("spec.output.location", error);
    }
}
