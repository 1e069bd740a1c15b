using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Tests.RealApiServer;

/// <summary>
/// Plain HTTP on 127.0.0.1 in front of the real API server, adding one identity's token (the operator runs with
/// <c>--server</c>). Every request is forwarded (watch streams too) except the first one a test asked to
/// <see cref="HoldNext"/>: that one waits until <see cref="Release"/>, or is never forwarded if its sender dies
/// first, so a process can be killed, or the resource changed, at exactly that point (say, with a phase's work
/// done but its completion not yet recorded).
/// </summary>
internal sealed class HoldingApiProxy : IAsyncDisposable
{
    private static readonly HashSet<string> Unforwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Authorization", "Connection", "Transfer-Encoding", "Content-Length", "Content-Type", "Keep-Alive",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly string _apiServer;
    private readonly Lock _gate = new();
    private (Func<string, string, string, bool> Matches, TaskCompletionSource<string> Held)? _hold;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HoldingApiProxy(WebApplication app, HttpClient upstream, string apiServer)
    {
        _app = app;
        _upstream = upstream;
        _apiServer = apiServer;
    }

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<HoldingApiProxy> StartAsync(ControlPlane controlPlane, string token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        // Only ever the test's own API server on 127.0.0.1, whose CA the test made.
        var upstream = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        upstream.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var proxy = new HoldingApiProxy(app, upstream, controlPlane.Url);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        return proxy;
    }

    /// <summary>
    /// Holds the first later request for which <paramref name="matches"/>(method, path, body) is true; the task ends
    /// with that request's body once it arrives.
    /// </summary>
    public Task<string> HoldNext(Func<string, string, string, bool> matches)
    {
        var held = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _hold = (matches, held);
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        return held.Task;
    }

    /// <summary>Forwards the held request after all.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _release.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        using var buffered = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffered, aborted);
        var body = buffered.ToArray();
        if (TakeHold(context.Request.Method, context.Request.Path.Value ?? "", Encoding.UTF8.GetString(body)) is { } hold)
        {
            hold.Held.TrySetResult(Encoding.UTF8.GetString(body));
            try
            {
                await hold.Release.WaitAsync(aborted);
            }
            catch (OperationCanceledException)
            {
                return; // The sender is gone (killed): the request was never forwarded.
            }
        }
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method),
            $"{_apiServer}{context.Request.Path}{context.Request.QueryString}");
        if (body.Length > 0 || context.Request.ContentType is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (context.Request.ContentType is { } contentType)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }
        foreach (var (name, values) in context.Request.Headers.Where(h => !Unforwarded.Contains(h.Key)))
        {
            request.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values);
        }
        try
        {
            using var response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, aborted);
            context.Response.StatusCode = (int)response.StatusCode;
            if (response.Content.Headers.ContentType is { } type)
            {
                context.Response.ContentType = type.ToString();
            }
            await using var stream = await response.Content.ReadAsStreamAsync(aborted);
            await stream.CopyToAsync(context.Response.Body, aborted);
        }
        catch (Exception gone) when (gone is OperationCanceledException or IOException or HttpRequestException && aborted.IsCancellationRequested)
        {
            // The client hung up (a killed operator, a cancelled watch).
        }
    }

    private (TaskCompletionSource<string> Held, Task Release)? TakeHold(string method, string path, string body)
    {
        lock (_gate)
        {
            if (_hold is not { } hold || !hold.Matches(method, path, body))
            {
                return null;
            }
            _hold = null;
            return (hold.Held, _release.Task);
        }
    }
}
