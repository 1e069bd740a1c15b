using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace KafkaRecon.Tests.Monitoring;

/// <summary>
/// Debian's <c>prometheus</c> binary on 127.0.0.1 with a temporary config and TSDB that scrapes one target every
/// second. Disposing kills it and deletes its folder.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _log = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private PrometheusServer(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <param name="ruleFile">Optional rule file to load (evaluated every second).</param>
    public static PrometheusServer Start(string binary, Uri scrapeTarget, string? ruleFile = null)
    {
        var folder = Directory.CreateTempSubdirectory("kafka-recon-prometheus-").FullName;
        var config = Path.Combine(folder, "prometheus.yml");
        var rules = ruleFile is null ? "" : $"rule_files: ['{ruleFile}']";
        File.WriteAllText(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            {rules}
            scrape_configs:
              - job_name: kafka-recon
                metrics_path: {scrapeTarget.AbsolutePath}
                static_configs:
                  - targets: ['{scrapeTarget.Authority}']
            """);
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo(binary,
        [
            $"--config.file={config}",
            $"--storage.tsdb.path={Path.Combine(folder, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        var process = new Process { StartInfo = start };
        var server = new PrometheusServer(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Runs an instant query; null while Prometheus is not answering yet.</summary>
    public async Task<JsonArray?> QueryAsync(string promQl)
    {
        try
        {
            var json = await _http.GetStringAsync(new Uri(Address, $"api/v1/query?query={Uri.EscapeDataString(promQl)}"));
            return JsonNode.Parse(json)!["data"]!["result"]!.AsArray();
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(wait.Token);
        }
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
