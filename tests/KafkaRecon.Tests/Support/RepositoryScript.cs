using System.Diagnostics;
using KafkaRecon.Tests.Crd;

namespace KafkaRecon.Tests.Support;

/// <summary>Runs one of the repository's check scripts with bash from the repository root, bounded in time.</summary>
internal static class RepositoryScript
{
    public static async Task<(int Exit, string Output)> RunAsync(
        string relativePath, TimeSpan timeout, params string[] arguments)
    {
        foreach (var tool in new[] { "node", "npm", "bash" })
        {
            Assert.True(OnPath(tool),
                $"'{tool}' is not on PATH: {relativePath} needs Node.js 18+ with npm (Debian: apt-get install -y nodejs npm).");
        }
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.ArgumentList.Add(RepositoryRoot.File(relativePath));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{relativePath} did not finish within {timeout}.");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}
