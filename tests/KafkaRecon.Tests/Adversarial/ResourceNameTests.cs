namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// Issue 12 case 11: a name follows the Kubernetes DNS-1123 subdomain rule in the CLI as in the cluster, so it can
/// neither climb out of the output folder nor exceed a file name (which retried for 90 s).
/// </summary>
public sealed class ResourceNameTests : IDisposable
{
    private readonly HostileResource resource = new();

    public void Dispose() => resource.Dispose();

    [Fact]
    public async Task Name_with_path_segments_is_rejected_and_nothing_is_written_outside_the_output_folder()
    {
        resource.Name = "../../escaped-run";
        var (exit, error, _) = await resource.RunAsync();
        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.Contains("metadata.name", error);
        Assert.False(Directory.Exists(resource.Output), "the output folder was written to");
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(resource.Root), path => path.Contains("escaped-run"));
    }

    [Fact]
    public async Task Three_hundred_character_name_is_rejected_at_once()
    {
        resource.Name = new string('a', 300);
        var (exit, error, took) = await resource.RunAsync();
        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.Contains("metadata.name", error);
        Assert.True(took < TimeSpan.FromSeconds(10), $"took {took}");
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("under_score")]
    [InlineData("-leading")]
    public async Task Name_outside_the_dns_subdomain_rule_is_rejected(string name)
    {
        resource.Name = name;
        var (exit, error, _) = await resource.RunAsync();
        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.Contains("metadata.name", error);
    }
}
