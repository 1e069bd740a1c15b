using System.Collections.Concurrent;
using System.Diagnostics;
using KafkaRecon.ApiServer;

namespace KafkaRecon.Tests.ApiServer;

/// <summary>Runs the real kubectl against an <see cref="ApiTestServer"/> with a throwaway kubeconfig and cache.</summary>
internal sealed class Kubectl : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kubectl-").FullName;
    private readonly string[] _common;

    public Kubectl(ApiTestServer server)
    {
        var kubeconfig = server.WriteKubeconfig(_directory, TestApiServer.Namespace);
        _common = ["--kubeconfig", kubeconfig, "--server", server.Url, "--cache-dir", Path.Combine(_directory, "cache")];
    }

    /// <summary>kubectl from $KUBECTL, /usr/bin, /usr/local/bin or PATH; a missing kubectl fails the test, it is not skipped.</summary>
    public static string Executable { get; } = Find();

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var process = Process.Start(StartInfo(arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"kubectl {string.Join(' ', arguments)} did not finish within 60 s. Output so far: {await output}{await error}");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts a long-running kubectl (e.g. <c>get -w</c>) whose output lines are collected as they arrive.</summary>
    public RunningKubectl Start(params string[] arguments) => new(Process.Start(StartInfo(arguments))!);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    private ProcessStartInfo StartInfo(string[] arguments)
    {
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments.Concat(_common))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["KUBECONFIG"] = "";
        return info;
    }

    private static string Find()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("KUBECTL"), "/usr/bin/kubectl", "/usr/local/bin/kubectl" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, "kubectl")));
        return candidates.FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path))
            ?? throw new InvalidOperationException("kubectl was not found (set KUBECTL or install kubectl 1.32); the kubectl conformance tests need it.");
    }

    internal sealed class RunningKubectl : IDisposable
    {
        private readonly ConcurrentQueue<string> _lines = new();
        private readonly Process _process;
        private readonly Task _reader;

        public RunningKubectl(Process process)
        {
            _process = process;
            _reader = Task.Run(async () =>
            {
                while (await process.StandardOutput.ReadLineAsync() is { } line)
                {
                    _lines.Enqueue(line);
                }
            });
        }

        public IReadOnlyList<string> Lines => _lines.ToArray();

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(5000);
            _reader.Wait(5000);
            _process.Dispose();
        }
    }
}
