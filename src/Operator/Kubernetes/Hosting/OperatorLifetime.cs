using Microsoft.Extensions.Hosting;

namespace KafkaRecon.Operator.Kubernetes.Hosting;

/// <summary>
/// How the operator process ends: the exit code it reports, and a token that aborts reconciles still in flight
/// (grace period over, or leadership lost when no grace is allowed).
/// </summary>
internal sealed class OperatorLifetime(IHostApplicationLifetime lifetime) : IDisposable
{
    public const int LeadershipLostExitCode = 1;

    private readonly CancellationTokenSource abort = new();
    private int exitCode;

    public int ExitCode => Volatile.Read(ref exitCode);

    public CancellationToken AbortWork => abort.Token;

    public void Exit(int code, bool abortInFlightWork)
    {
        Volatile.Write(ref exitCode, code);
        if (abortInFlightWork)
        {
            AbortInFlightWork();
        }
        lifetime.StopApplication();
    }

    public void AbortInFlightWork()
    {
        try
        {
            abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose() => abort.Dispose();
}
