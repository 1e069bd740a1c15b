using System.Collections.Concurrent;
using System.Net;

namespace KafkaRecon.Tests.RealApiServer;

/// <summary>Records every request the real authorizer refused (403), so a test can fail on any of them.</summary>
internal sealed class ForbiddenRecorder : DelegatingHandler
{
    private readonly ConcurrentQueue<string> _forbidden = new();

    public IReadOnlyList<string> Forbidden => _forbidden.ToList();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            _forbidden.Enqueue($"{request.Method} {request.RequestUri?.PathAndQuery}");
        }
        return response;
    }
}
