using System.Diagnostics;
using System.Text;
using k8s;
using KafkaRecon.Entities;

namespace KafkaRecon.Tests.EndToEnd.Aws;

/// <summary>
/// <c>kafka-recon</c> as a child process (the build's own <c>kafka-recon.dll</c>), so a test can kill it outright —
/// no cancellation, no clean-up — the way a node failure or OOM kill ends a run.
/// </summary>
internal sealed class KafkaReconProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();

    private KafkaReconProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static KafkaReconProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kafka-recon.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
        return new KafkaReconProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
    }

    /// <summary>
    /// Kills the process as soon as the status it keeps in <paramref name="stateFile"/> satisfies
    /// <paramref name="condition"/>, and returns that status. Fails if the process ends by itself first.
    /// </summary>
    public async Task<KafkaReconciliation> KillWhenAsync(
        string stateFile, Func<KafkaReconciliationStatus, bool> condition, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"kafka-recon exited ({process.ExitCode}) before it was to be killed.\n{Describe()}");
            }
            if (Read(stateFile) is { Status: { } status } saved && condition(status))
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return saved;
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"The state file never showed the awaited status within {limit}.\n{Describe()}");
    }

    public async Task<CliResult> WaitForExitAsync(TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"kafka-recon did not finish within {limit}.\n{Describe()}");
        }
        process.WaitForExit(); // drains the redirected output
        return new CliResult(process.ExitCode, Text(output), Text(error));
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        process.Dispose();
    }

    private static KafkaReconciliation? Read(string stateFile)
    {
        try
        {
            return File.Exists(stateFile) ? KubernetesJson.Deserialize<KafkaReconciliation>(File.ReadAllText(stateFile)) : null;
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            return null; // replaced while read: the next look sees the new status
        }
    }

    private string Describe() => $"stdout:\n{Text(output)}\nstderr:\n{Text(error)}";

    private static string Text(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (builder)
        {
            builder.AppendLine(line);
        }
    }
}
