namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// Issue 12 case 16: read-only output, a full disk, or glob characters in a location gave a clear error only after
/// 60-90 s of retries. Errors that cannot heal by retrying fail at once, with the cause and the path.
/// </summary>
public sealed class PermanentStorageFailureTests : IDisposable
{
    private readonly HostileResource resource = new();

    public void Dispose() => resource.Dispose();

    [Theory]
    [InlineData("import", "spec.manifests.importLocation")]
    [InlineData("output", "spec.output.location")]
    public async Task Glob_characters_in_a_location_are_rejected_at_once(string which, string field)
    {
        foreach (var hostile in new[] { "*", "[a]" })
        {
            var folder = Path.Combine(resource.Root, "x" + hostile);
            Directory.CreateDirectory(folder);
            if (which == "import")
            {
                resource.ImportLocation = $"\"{folder}\"";
            }
            else
            {
                resource.OutputLocation = $"\"{folder}\"";
            }
            var (exit, error, took) = await resource.RunAsync();
            Assert.True(exit == 2, $"{hostile}: exit {exit}: {error}");
            Assert.Contains(field, error);
            Assert.True(took < TimeSpan.FromSeconds(10), $"took {took}");
        }
    }

    [Fact]
    public async Task Output_folder_that_cannot_be_written_is_rejected_at_once_with_the_cause()
    {
        // /sys refuses new files even to root, which a chmod'ed folder would not.
        resource.OutputLocation = "/sys/kernel";
        var (exit, error, took) = await resource.RunAsync();
        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.Contains("spec.output.location", error);
        Assert.Contains("/sys/kernel", error);
        Assert.True(took < TimeSpan.FromSeconds(10), $"took {took}");
    }
}
