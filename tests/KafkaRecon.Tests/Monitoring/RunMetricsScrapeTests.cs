using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.Monitoring;

/// <summary>Prometheus scrapes a real <c>kafka-recon run --metrics-port</c> that reconciled data with missing records.</summary>
[Trait("Category", "Slow")]
public sealed class RunMetricsScrapeTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("krecon-scrape-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Prometheus_sees_the_exact_missing_exports_of_a_real_run()
    {
        var binary = ExternalTool.Require("prometheus", ExternalTool.PrometheusHint);
        var port = FreePort();
        var demo = Path.Combine(_root.FullName, "demo");
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var run = CliApplication.BuildRoot()
            .Parse(["run", "--demo", "--demo-dir", demo, "--records", "3000", "--metrics-port", $"{port}",
                "--metrics-linger", "00:04:00"])
            .InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = new StringWriter() }, stop.Token);

        await using var prometheus = PrometheusServer.Start(binary, new Uri($"http://127.0.0.1:{port}/metrics"));
        var expected = await Poll.ForAsync(
            () => Task.FromResult(File.Exists(Path.Combine(demo, "truth.json"))
                ? JsonNode.Parse(File.ReadAllText(Path.Combine(demo, "truth.json")))!["totals"]!["missingExports"]!.ToString()
                : null),
            () => "the demo writes truth.json", TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(250));
        var scraped = await Poll.ForAsync(
            async () => await prometheus.QueryAsync("""kafka_recon_last_missing_exports{namespace="default",name="sample"}""")
                is { Count: 1 } result ? (string?)result[0]!["value"]![1] : null,
            () => $"the run's missing exports reach Prometheus; log:\n{prometheus.Log}", TimeSpan.FromSeconds(150),
            TimeSpan.FromMilliseconds(250));

        Assert.Equal($"{expected}", scraped);
        await stop.CancelAsync();
        await run.ContinueWith(_ => { });
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
