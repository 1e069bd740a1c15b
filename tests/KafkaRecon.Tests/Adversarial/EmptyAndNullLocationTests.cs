namespace KafkaRecon.Tests.Adversarial;

/// <summary>Issue 12 case 10: empty, null or NUL-bearing locations are invalid input, not a crash (was exit 134).</summary>
public sealed class EmptyAndNullLocationTests : IDisposable
{
    private readonly HostileResource resource = new();

    public void Dispose() => resource.Dispose();

    [Theory]
    [InlineData("output", "\"\"", "spec.output.location")]
    [InlineData("output", "null", "spec.output.location")]
    [InlineData("import", "null", "spec.manifests.importLocation")]
    [InlineData("export", "\"\"", "spec.manifests.exportLocation")]
    [InlineData("output", "\"/tmp/out\\0put\"", "spec.output.location")]
    [InlineData("import", "\"/tmp/im\\0port\"", "spec.manifests.importLocation")]
    public async Task Location_that_names_no_folder_is_invalid_input_naming_the_field(
        string which, string value, string field)
    {
        switch (which)
        {
            case "output": resource.OutputLocation = value; break;
            case "import": resource.ImportLocation = value; break;
            default: resource.ExportLocation = value; break;
        }
        var (exit, error, _) = await resource.RunAsync();
        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.Contains(field, error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Null_output_section_is_invalid_input_naming_the_field()
    {
        var yaml = resource.Yaml().Replace($"  output:\n    location: \"{resource.Output}\"", "  output: null");
        var (exit, error, _) = await resource.RunAsync(yaml);
        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.Contains("spec.output", error);
    }
}
