namespace KafkaRecon.Tests.RealApiServer;

/// <summary>
/// <c>kafka-recon operator</c> as a child process (the build's own <c>kafka-recon.dll</c>), as the container of a pod
/// would run it: stopped with SIGTERM as the kubelet stops a container, or killed outright as an OOM kill would.
/// </summary>
internal sealed class OperatorProcess : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly ChildProcess _process;

    private OperatorProcess(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public bool HasExited => _process.HasExited;

    public string LogPath => _process.LogPath;

    /// <summary>Starts <c>kafka-recon</c> with <paramref name="arguments"/>; they must make it listen on <paramref name="port"/>.</summary>
    public static OperatorProcess Start(
        IEnumerable<string> arguments, int port, string logPath, IReadOnlyDictionary<string, string>? environment = null)
    {
        var process = ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "kafka-recon.dll"), .. arguments],
            logPath, environment);
        return new OperatorProcess(process, port);
    }

    /// <summary>The process's own /readyz answer, or null while nothing listens (starting, or gone).</summary>
    public async Task<(int Status, string Body)?> ReadyzAsync()
    {
        try
        {
            using var response = await Http.GetAsync($"http://127.0.0.1:{Port}/readyz");
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception unreachable) when (unreachable is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>SIGTERM and the wait a kubelet grants (terminationGracePeriodSeconds), then SIGKILL.</summary>
    public async Task TerminateAsync(TimeSpan gracePeriod)
    {
        _process.Terminate();
        if (!await _process.WaitForExitAsync(gracePeriod))
        {
            _process.Kill();
        }
    }

    /// <summary>SIGKILL: no shutdown, no Lease release, in-flight work simply stops.</summary>
    public void Kill() => _process.Kill();

    public string Tail(int lines = 20) => _process.Tail(lines);

    public void Dispose() => _process.Dispose();
}
