using System.Diagnostics;
using KafkaRecon.Tests.EndToEnd.Aws;
using KafkaRecon.Tests.Yaml;

namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// Issue 12 case 14: a 539-byte alias bomb took 34 s and 2 GB before an out-of-memory abort. Aliases and the document
/// size are limited; the file fails in well under a second. Run as a child process so a regression cannot take the
/// test host down with it.
/// </summary>
public sealed class YamlBombTests : IDisposable
{
    private readonly HostileResource resource = new();

    public void Dispose() => resource.Dispose();

    [Fact]
    public async Task Alias_bomb_is_rejected_within_a_second()
    {
        var file = resource.Write(resource.Yaml() + "\n" + YamlJsonTests.AliasBomb() + "\n");
        using var process = KafkaReconProcess.Start(new Dictionary<string, string?>(), "run", "-f", file);
        var result = await process.WaitForExitAsync(TimeSpan.FromSeconds(20));
        Assert.True(result.Exit == 2, $"exit {result.Exit}: {result.Error}");
        Assert.Contains("alias", result.Error);
    }

    [Fact]
    public async Task Alias_bomb_is_parsed_in_well_under_a_second()
    {
        var file = resource.Write(resource.Yaml() + "\n" + YamlJsonTests.AliasBomb() + "\n");
        var clock = Stopwatch.StartNew();
        var (exit, _, error) = await Support.CliRun.RunAsync("run", "-f", file);
        Assert.Equal(2, exit);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}: {error}");
    }

    [Fact]
    public async Task Resource_file_over_the_size_limit_is_rejected_naming_the_limit()
    {
        var padding = "# " + new string('x', 1000) + "\n";
        var yaml = resource.Yaml() + "\n" + string.Concat(Enumerable.Repeat(padding, 2100));
        var (exit, error, took) = await resource.RunAsync(yaml);
        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.Contains("MiB", error);
        Assert.True(took < TimeSpan.FromSeconds(5), $"took {took}");
    }
}
