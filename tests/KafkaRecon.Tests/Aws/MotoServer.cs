using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.Runtime;
using KafkaRecon.Operator.Aws;

namespace KafkaRecon.Tests.Aws;

/// <summary>
/// A moto server (a real AWS emulator) on a free 127.0.0.1 port for the test run, with Batch jobs run without
/// Docker. Tests isolate themselves by unique resource names; Athena tests reset moto because its injected
/// results are one global queue.
/// </summary>
public class MotoServer : IAsyncLifetime
{
    public const string Region = "us-east-1";
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);
    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly StringBuilder output = new();
    private Process? process;

    public MotoServer() : this(new Dictionary<string, string>())
    {
    }

    protected MotoServer(IReadOnlyDictionary<string, string> environment) => this.environment = environment;

    public Uri Endpoint { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(90) };

    internal AwsOptions Options(Uri? endpoint = null) => new()
    {
        Region = Region,
        Endpoint = endpoint ?? Endpoint,
        Credentials = new BasicAWSCredentials("testing", "testing"),
        RequestTimeout = TimeSpan.FromSeconds(90),
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
    };

    internal AwsClients Clients(Uri? endpoint = null, IAwsCallObserver? observer = null) =>
        new(Options(endpoint), observer);

    public async Task InitializeAsync()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "The AWS tests need python3 with moto installed (pip install 'moto[server]==5.2.1'); " +
                $"python3 could not be started: {e.Message}", e);
        }
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        await WaitUntilAnsweringAsync();
        await ConfigureAsync();
    }

    /// <summary>Forgets every resource and injected result, then re-applies the Batch configuration.</summary>
    public async Task ResetAsync()
    {
        (await Http.PostAsync(new Uri(Endpoint, "moto-api/reset"), null)).EnsureSuccessStatusCode();
        await ConfigureAsync();
    }

    /// <summary>Makes a model (e.g. <c>glue::job_run</c>) advance one state per describe, <paramref name="times"/> describes each.</summary>
    public async Task SetManualTransitionAsync(string model, int times)
    {
        var body = $$$"""{"model_name": "{{{model}}}", "transition": {"progression": "manual", "times": {{{times}}}}}""";
        var response = await Http.PostAsync(
            new Uri(Endpoint, "moto-api/state-manager/set-transition"),
            new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    public async Task UnsetTransitionAsync(string model)
    {
        var body = $$"""{"model_name": "{{model}}"}""";
        var response = await Http.PostAsync(
            new Uri(Endpoint, "moto-api/state-manager/unset-transition"),
            new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        Http.Dispose();
    }

    private async Task ConfigureAsync()
    {
        var response = await Http.PostAsync(
            new Uri(Endpoint, "moto-api/config"),
            new StringContent("""{"batch": {"use_docker": false}}""", Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartupLimit)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException(
                    $"moto exited with code {process.ExitCode} before answering. The AWS tests need python3 with " +
                    $"moto installed (pip install 'moto[server]==5.2.1'). Its output:\n{Output}");
            }
            try
            {
                using var response = await Http.GetAsync(new Uri(Endpoint, "moto-api/"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"moto did not answer on {Endpoint} within {StartupLimit}. Its output:\n{Output}");
    }

    private string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            if (output.Length < 20_000)
            {
                output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
