using System.Net;
using k8s.Autorest;
using k8s.LeaderElection;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Kubernetes.Leadership;

/// <summary>
/// The Lease lock as the client's <see cref="LeaderElector"/> needs it to honour the renew deadline. The elector
/// retries a renew that returns false (or a GET that fails with an HTTP status) every retry period until the
/// deadline, but gives leadership up at once on any other exception; a refused connection, a reset or a client
/// timeout during an API-server restart is such an exception. Here they become "not renewed this time", so the
/// leader keeps leading until the renew deadline really passes. It also remembers when the API server last answered,
/// which is what "connected" means for readiness.
/// </summary>
internal sealed class TransportTolerantLock(ILock inner, TimeProvider time, ILogger logger) : ILock
{
    private long lastContactTicks;

    public string Identity => inner.Identity;

    /// <summary>When the API server last answered a Lease call with anything but a refusal (401/403).</summary>
    public DateTimeOffset? LastContact =>
        Interlocked.Read(ref lastContactTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public async Task<LeaderElectionRecord> GetAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var record = await inner.GetAsync(cancellationToken);
            Touch();
            return record;
        }
        catch (HttpOperationException http)
        {
            // A refusal (401/403) answers, but a replica refused the Lease can never lead: not "connected".
            if (http.Response?.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
            {
                Touch();
            }
            throw;
        }
        catch (Exception error) when (IsTransport(error, cancellationToken))
        {
            logger.LogWarning("Reading Lease {Lease} failed ({Message}); retrying until the renew deadline",
                inner.Describe(), error.Message);
            // An HTTP status is what the elector treats as "try again next retry period".
            throw new HttpOperationException(error.Message, error)
            {
                Response = new HttpResponseMessageWrapper(
                    new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), error.Message),
            };
        }
    }

    public Task<bool> CreateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default) =>
        WriteAsync(() => inner.CreateAsync(record, cancellationToken), "Creating", cancellationToken);

    public Task<bool> UpdateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default) =>
        WriteAsync(() => inner.UpdateAsync(record, cancellationToken), "Renewing", cancellationToken);

    public string Describe() => inner.Describe();

    private async Task<bool> WriteAsync(Func<Task<bool>> write, string verb, CancellationToken cancellationToken)
    {
        try
        {
            var written = await write();
            Touch();
            return written;
        }
        catch (Exception error) when (IsTransport(error, cancellationToken))
        {
            logger.LogWarning("{Verb} Lease {Lease} failed ({Message}); retrying until the renew deadline",
                verb, inner.Describe(), error.Message);
            return false;
        }
    }

    private void Touch() => Interlocked.Exchange(ref lastContactTicks, time.GetUtcNow().UtcTicks);

    private static bool IsTransport(Exception error, CancellationToken cancellationToken) => error switch
    {
        HttpRequestException or IOException or System.Net.Sockets.SocketException => true,
        // HttpClient's own timeout, not our shutdown.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
