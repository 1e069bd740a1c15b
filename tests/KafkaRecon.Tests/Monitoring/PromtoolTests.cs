using System.Diagnostics;

namespace KafkaRecon.Tests.Monitoring;

[Trait("Category", "Slow")]
public sealed class PromtoolTests
{
    [Fact]
    public async Task Rules_pass_promtool_check_and_every_promtool_unit_test()
    {
        ExternalTool.Require("promtool", ExternalTool.PrometheusHint);
        var start = new ProcessStartInfo("bash", [RepositoryFiles.PathOf("tests/monitoring/check.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryFiles.Root,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"tests/monitoring/check.sh failed:\n{await stdout}\n{await stderr}");
        Assert.Contains("SUCCESS", await stdout, StringComparison.Ordinal);
    }
}
