using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using k8s;
using k8s.Models;
using KafkaRecon.ApiServer;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Composition;
using KafkaRecon.Operator.Kubernetes.Controller;
using KafkaRecon.Operator.Kubernetes.Hosting;
using KafkaRecon.Operator.Kubernetes.Watching;
using KafkaRecon.Operator.Reconciliation;
using Microsoft.Extensions.DependencyInjection;

namespace KafkaRecon.OperatorBench;

/// <summary>
/// Creates many resources across namespaces in the in-process fake API server and lets the real operator (embedded
/// engine, tiny data) reconcile them all; prints memory, throughput, create-to-first-transition latency and API
/// requests per resource.
/// </summary>
internal static class OperatorBenchmark
{
    private static readonly string[] Final = ["Succeeded", "Failed", "Cancelled"];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var root = Directory.CreateTempSubdirectory("krecon-opbench-");
        try
        {
            return await RunInAsync(root.FullName, options);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static async Task<int> RunInAsync(string root, BenchOptions options)
    {
        var (import, export) = TinyDataset.Write(root);
        var serverOptions = new ApiTestServerOptions { HistoryCapacity = 200_000 };
        serverOptions.CrdFiles.Add(CrdPath());
        await using var server = await ApiTestServer.StartAsync(serverOptions);
        var client = new Kubernetes(server.ClientConfiguration());

        var clock = Stopwatch.StartNew();
        var created = new ConcurrentDictionary<string, TimeSpan>();
        var firstTransition = new ConcurrentDictionary<string, TimeSpan>();
        var finished = new ConcurrentDictionary<string, TimeSpan>();
        using var stop = new CancellationTokenSource();
        var watch = WatchAsync(client, clock, firstTransition, finished, stop.Token);

        await using var host = options.InProcess ? await InProcessHostAsync(server, options) : null;
        await using var child = options.InProcess
            ? null
            : OperatorProcess.Start(server.Url, options, Path.Combine(Path.GetTempPath(), "krecon-opbench-operator.log"));
        var ready = child is null ? TimeSpan.Zero : await child.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
        Console.WriteLine($"operator ready after {ready.TotalSeconds:0.0} s; creating {options.Resources} resources");
        var requestsBefore = server.Requests.All.Count;

        var start = clock.Elapsed;
        for (var i = 0; i < options.Resources; i++)
        {
            var ns = $"bench-{i % options.Namespaces}";
            var name = $"recon-{i:D5}";
            created[$"{ns}/{name}"] = clock.Elapsed;
            await client.CustomObjects.CreateNamespacedCustomObjectAsync(
                Resource(ns, name, import, export, Path.Combine(root, "out", ns, name)),
                KafkaReconciliation.Group, KafkaReconciliation.Version, ns, KafkaReconciliation.Plural);
        }
        var allCreated = clock.Elapsed;

        var deadline = clock.Elapsed + TimeSpan.FromMinutes(options.Minutes);
        var nextSample = clock.Elapsed;
        while (finished.Count < options.Resources && clock.Elapsed < deadline)
        {
            if (child is not null && clock.Elapsed >= nextSample)
            {
                nextSample += TimeSpan.FromSeconds(30);
                await SampleAsync(child, clock.Elapsed - start, firstTransition.Count, finished.Count);
            }
            await Task.Delay(100);
        }
        var elapsed = clock.Elapsed - start;
        var operatorRequests = server.Requests.All.Count - requestsBefore - options.Resources; // minus our creates
        long reconciles;
        string memory;
        string? cpuLine = null;
        if (child is not null)
        {
            reconciles = await child.ReconcilesAsync();
            var (rss, peak) = child.Memory();
            var managed = await child.ManagedHeapAsync();
            memory = $"{rss} MiB now ({managed} MiB managed heap), {peak} MiB peak " +
                $"(the operator process alone, {finished.Count} finished resources in its cache)";
            var cpu = child.CpuSeconds();
            cpuLine = $"  CPU                           operator {cpu:0.0} s ({cpu / Math.Max(1, finished.Count):0.000} s per " +
                $"finished resource), benchmark and fake API server {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s";
        }
        else
        {
            reconciles = host!.Services.GetRequiredService<ControllerWorkers>().Reconciles;
            await host.StopAsync();
            memory = $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB peak (operator, fake API server and benchmark in one process)";
        }
        await stop.CancelAsync();
        await watch.ContinueWith(_ => { });

        var latencies = created.Where(c => firstTransition.ContainsKey(c.Key))
            .Select(c => (firstTransition[c.Key] - c.Value).TotalMilliseconds).Order().ToArray();
        Print(options, finished.Count, elapsed, allCreated - start, reconciles, latencies, operatorRequests, memory);
        if (cpuLine is not null)
        {
            Console.WriteLine(cpuLine);
        }
        return finished.Count == options.Resources ? 0 : 1;
    }

    /// <summary>A progress line: how many answered and finished, the operator's memory, and the machine's load.</summary>
    private static async Task SampleAsync(OperatorProcess child, TimeSpan elapsed, int answered, int finished)
    {
        var (rss, _) = child.Memory();
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        Console.WriteLine($"  {elapsed.TotalSeconds,6:0} s: {answered} with a status, {finished} finished; operator RSS " +
            $"{rss} MiB ({await child.ManagedHeapAsync()} MiB managed heap); load {load}");
    }

    private static async Task<Microsoft.AspNetCore.Builder.WebApplication> InProcessHostAsync(ApiTestServer server, BenchOptions options)
    {
        var operatorOptions = new OperatorOptions
        {
            Scope = new WatchScope([]),
            Workers = options.Workers,
            MaxConcurrentRuns = options.MaxConcurrentRuns,
            Port = 0,
            BindAddress = "127.0.0.1",
            Watch = new WatchOptions { Timeout = TimeSpan.FromMinutes(5) },
        };
        var host = OperatorHost.Build(operatorOptions, new Kubernetes(server.ClientConfiguration()),
            services => services.AddKafkaReconReconciliation());
        await host.StartAsync();
        return host;
    }

    private static async Task WatchAsync(
        Kubernetes client, Stopwatch clock, ConcurrentDictionary<string, TimeSpan> firstTransition,
        ConcurrentDictionary<string, TimeSpan> finished, CancellationToken cancellationToken)
    {
        var events = client.CustomObjects.WatchListClusterCustomObjectAsync(
            group: KafkaReconciliation.Group, version: KafkaReconciliation.Version, plural: KafkaReconciliation.Plural,
            timeoutSeconds: 3600, onError: error => Console.Error.WriteLine($"watch: {error.Message}"),
            cancellationToken: cancellationToken);
        try
        {
            await foreach (var (_, item) in events)
            {
                var element = (JsonElement)item;
                var metadata = element.GetProperty("metadata");
                var key = $"{metadata.GetProperty("namespace").GetString()}/{metadata.GetProperty("name").GetString()}";
                if (!element.TryGetProperty("status", out var status) || !status.TryGetProperty("phase", out var phase))
                {
                    continue;
                }
                firstTransition.TryAdd(key, clock.Elapsed);
                if (Final.Contains(phase.GetString()))
                {
                    finished.TryAdd(key, clock.Elapsed);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static KafkaReconciliation Resource(string ns, string name, string import, string export, string output) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new KafkaReconciliationSpec
        {
            Engine = EngineKind.Embedded,
            Window = new WindowSpec { Start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero) },
            Manifests = new ManifestsSpec { ImportLocation = import, ExportLocation = export },
            Output = new OutputSpec { Location = output },
            Coalesce = new CoalesceSpec { Enabled = false }, // every resource reads the same folders
        },
    };

    private static void Print(BenchOptions options, int finished, TimeSpan elapsed, TimeSpan creating, long reconciles,
        double[] latencies, int operatorRequests, string memory)
    {
        string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
        double Percentile(double p) => latencies.Length == 0 ? double.NaN : latencies[(int)Math.Min(latencies.Length - 1, Math.Ceiling(p * latencies.Length) - 1)];
        Console.WriteLine($"operator benchmark: {options.Resources} resources in {options.Namespaces} namespaces, {options.Workers} workers, max concurrent runs {options.MaxConcurrentRuns?.ToString() ?? "default"}, operator {(options.InProcess ? "in process" : "as its own process")}, embedded engine, tiny data");
        Console.WriteLine($"  finished                      {finished}/{options.Resources} in {F(elapsed.TotalSeconds)} s (creating took {F(creating.TotalSeconds)} s)");
        Console.WriteLine($"  resources per second          {F(finished / elapsed.TotalSeconds)}");
        Console.WriteLine($"  reconciles per second         {F(reconciles / elapsed.TotalSeconds)} ({reconciles} reconciles, {F((double)reconciles / Math.Max(1, finished))} per resource)");
        Console.WriteLine($"  create → first phase p50/p99  {F(Percentile(0.5))} ms / {F(Percentile(0.99))} ms");
        Console.WriteLine($"  API requests per resource     {F((double)operatorRequests / Math.Max(1, options.Resources))} (operator's requests; the benchmark's creates and watch excluded)");
        Console.WriteLine($"  RSS                           {memory}");
    }

    private static string CrdPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "config", "crds", "kafkarecon.io_kafkareconciliations.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("config/crds/kafkarecon.io_kafkareconciliations.yaml not found above the binary.");
    }
}
