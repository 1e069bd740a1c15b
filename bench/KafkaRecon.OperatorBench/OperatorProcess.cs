using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace KafkaRecon.OperatorBench;

/// <summary>
/// The operator as its own process (<c>kafka-recon operator --server URL</c>), so its memory is measured apart from
/// the fake API server and the benchmark: resident and peak RSS from /proc, reconciles from its /metrics.
/// </summary>
internal sealed partial class OperatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly int _port;

    private OperatorProcess(Process process, int port)
    {
        _process = process;
        _port = port;
    }

    public static OperatorProcess Start(string serverUrl, BenchOptions options, string logFile)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     OperatorDll(), "operator", "--server", serverUrl, "--workers", options.Workers.ToString(),
                     "--port", port.ToString(),
                 })
        {
            start.ArgumentList.Add(argument);
        }
        if (options.MaxConcurrentRuns is { } runs)
        {
            start.ArgumentList.Add("--max-concurrent-runs");
            start.ArgumentList.Add(runs.ToString());
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the operator");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) { log.WriteLine(line.Data); } };
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) { log.WriteLine(line.Data); } };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return new OperatorProcess(process, port);
    }

    /// <summary>Resident and peak resident memory in MiB (VmRSS, VmHWM).</summary>
    public (long Rss, long Peak) Memory()
    {
        var status = File.ReadAllText($"/proc/{_process.Id}/status");
        long Field(string name) => long.Parse(Regex.Match(status, name + @":\s+(\d+) kB").Groups[1].Value) / 1024;
        return (Field("VmRSS"), Field("VmHWM"));
    }

    /// <summary>
    /// CPU seconds the operator has used so far (user + system, /proc/PID/stat), threads that ended included: a figure
    /// that, unlike wall time, hardly moves with the machine's load.
    /// </summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0; // utime, stime in clock ticks (USER_HZ 100)
    }

    /// <summary>
    /// Waits until the operator answers /readyz (watches live): resources created before that would measure the
    /// process's start-up, not how fast a running operator answers.
    /// </summary>
    public async Task<TimeSpan> WaitUntilReadyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{_port}/readyz")).IsSuccessStatusCode)
                {
                    return clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the operator exited with {_process.ExitCode} before it was ready");
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the operator was not ready within {limit}");
    }

    /// <summary>The managed heap in MiB (prometheus-net's dotnet_total_memory_bytes): the rest of RSS is native.</summary>
    public async Task<long> ManagedHeapAsync()
    {
        using var http = new HttpClient();
        var text = await http.GetStringAsync($"http://127.0.0.1:{_port}/metrics");
        var match = ManagedBytes().Match(text);
        return match.Success ? (long)double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024 : -1;
    }

    public async Task<long> ReconcilesAsync()
    {
        using var http = new HttpClient();
        var text = await http.GetStringAsync($"http://127.0.0.1:{_port}/metrics");
        return ReconcileTotal().Matches(text).Sum(match => (long)double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"^dotnet_total_memory_bytes ([0-9.e+]+)$", RegexOptions.Multiline)]
    private static partial Regex ManagedBytes();

    [GeneratedRegex(@"^controller_runtime_reconcile_total\{[^}]*\} ([0-9.e+]+)$", RegexOptions.Multiline)]
    private static partial Regex ReconcileTotal();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string OperatorDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "kafka-recon.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "kafka-recon.runtimeconfig.json")))
        {
            return beside;
        }
        throw new InvalidOperationException($"kafka-recon.dll with its runtimeconfig not found in {AppContext.BaseDirectory}");
    }
}
