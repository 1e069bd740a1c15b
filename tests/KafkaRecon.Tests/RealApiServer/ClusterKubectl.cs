using System.Diagnostics;
using KafkaRecon.Tests.ApiServer;

namespace KafkaRecon.Tests.RealApiServer;

/// <summary>kubectl (or helm, which reads the same kubeconfig) against the <see cref="ControlPlane"/> as one identity.</summary>
internal sealed class ClusterKubectl : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("envtest-kubectl-").FullName;

    public ClusterKubectl(ControlPlane controlPlane, string token, string namespaceName)
    {
        Kubeconfig = controlPlane.WriteKubeconfig(_directory, token, namespaceName);
    }

    public string Kubeconfig { get; }

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        RunToolAsync(Kubectl.Executable, arguments);

    /// <summary>Runs any kubeconfig-reading tool (helm) with this identity, isolated from the user's own config and cache.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunToolAsync(string executable, params string[] arguments)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["KUBECONFIG"] = Kubeconfig;
        info.Environment["HOME"] = _directory;
        info.Environment["HELM_CACHE_HOME"] = Path.Combine(_directory, "helm-cache");
        info.Environment["HELM_CONFIG_HOME"] = Path.Combine(_directory, "helm-config");
        info.Environment["HELM_DATA_HOME"] = Path.Combine(_directory, "helm-data");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(executable)} {string.Join(' ', arguments)} did not finish within 90 s: {await output}{await error}");
        }
        return (process.ExitCode, await output, await error);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
