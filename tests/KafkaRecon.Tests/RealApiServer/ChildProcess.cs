using System.Diagnostics;

namespace KafkaRecon.Tests.RealApiServer;

/// <summary>A control-plane binary running with its output in a log file; killed (with its children) on dispose.</summary>
internal sealed class ChildProcess : IDisposable
{
    private static readonly List<Process> Running = [];
    private readonly Process _process;

    static ChildProcess()
    {
        // A test host that ends without disposing the fixture must not leave etcd or the API server behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            lock (Running)
            {
                foreach (var process in Running)
                {
                    Kill(process);
                }
            }
        };
    }

    private ChildProcess(Process process, string logPath)
    {
        _process = process;
        LogPath = logPath;
    }

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    public static ChildProcess Start(string executable, IEnumerable<string> arguments, string logPath)
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
        var process = new Process { StartInfo = info };
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        void Write(object? sender, DataReceivedEventArgs line)
        {
            if (line.Data is null)
            {
                return;
            }
            lock (log)
            {
                log.WriteLine(line.Data);
            }
        }
        process.OutputDataReceived += Write;
        process.ErrorDataReceived += Write;
        process.Exited += (_, _) => { lock (log) { log.Flush(); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (Running)
        {
            Running.Add(process);
        }
        return new ChildProcess(process, logPath);
    }

    /// <summary>The last lines of the log, for a failure message.</summary>
    public string Tail(int lines = 30)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException error)
        {
            return $"(log unreadable: {error.Message})";
        }
    }

    public void Dispose()
    {
        Kill(_process);
        lock (Running)
        {
            Running.Remove(_process);
        }
        _process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
