using System.Diagnostics;
using System.Globalization;

namespace KafkaRecon.Bench;

/// <summary>
/// Runs a child process under GNU <c>time</c> (which reports its peak resident set, children included) and times it.
/// </summary>
internal static class MeasuredProcess
{
    public const string GnuTime = "/usr/bin/time";

    public sealed record Result(int ExitCode, double WallSeconds, long PeakRssKb, string Stdout, string Stderr);

    public static async Task<Result> RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var peakFile = Path.GetTempFileName();
        var start = new ProcessStartInfo(GnuTime)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-f", "%M", "-o", peakFile, program }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var wall = clock.Elapsed.TotalSeconds;
        var peakLines = await File.ReadAllLinesAsync(peakFile);
        File.Delete(peakFile);
        // GNU time writes "Command exited with non-zero status N" before the figure when the child fails.
        var peak = peakLines.Select(l => long.TryParse(l.Trim(), CultureInfo.InvariantCulture, out var kb) ? kb : -1).Max();
        return new Result(process.ExitCode, wall, peak, await stdout, await stderr);
    }
}
