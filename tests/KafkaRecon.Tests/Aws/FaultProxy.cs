using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Tests.Aws;

/// <summary>One request seen by the <see cref="FaultProxy"/>.</summary>
public sealed record ProxiedRequest(string Method, string Path, string? Target, string Body)
{
    /// <summary>The query string, with its leading <c>?</c> (S3 list calls carry <c>list-type=2</c> there).</summary>
    public string Query { get; init; } = "";

    /// <summary>The operation: the X-Amz-Target suffix (JSON 1.1) or the last path segment (REST-JSON).</summary>
    public string Operation => Target is not null ? Target[(Target.LastIndexOf('.') + 1)..] : Path.TrimEnd('/')[(Path.TrimEnd('/').LastIndexOf('/') + 1)..];
}

/// <summary>
/// A small HTTP proxy on 127.0.0.1 in front of moto that records requests and can answer some of them itself:
/// injected faults (throttling, 500s) or canned responses for behaviour moto does not emulate.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient upstreamClient = new() { Timeout = TimeSpan.FromSeconds(90) };
    private readonly ConcurrentQueue<ProxiedRequest> requests = new();
    private readonly List<Rule> rules = [];
    private readonly List<DelayRule> delays = [];
    private readonly List<(Func<ProxiedRequest, bool> Match, Func<ProxiedRequest, string, string> Rewrite)> rewrites = [];
    private readonly List<DropRule> drops = [];
    private readonly ConcurrentBag<Action<IReadOnlyDictionary<string, string>>> headerInspectors = [];
    private readonly Uri upstream;

    private FaultProxy(Uri upstream)
    {
        this.upstream = upstream;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.Run(HandleAsync);
    }

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<ProxiedRequest> Requests => requests.ToList();

    public static async Task<FaultProxy> StartAsync(Uri upstream)
    {
        var proxy = new FaultProxy(upstream);
        await proxy.app.StartAsync();
        var address = proxy.app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.Endpoint = new Uri(address.EndsWith('/') ? address : address + "/");
        return proxy;
    }

    /// <summary>Answers the next <paramref name="times"/> matching requests with an AWS-style JSON error.</summary>
    public void InjectError(string operation, int times, int status, string errorType, string message = "injected") =>
        AddRule(r => r.Operation == operation, times, _ => new CannedResponse(
            status, $$"""{"__type": "{{errorType}}", "message": "{{message}}"}""", errorType));

    /// <summary>Answers the next <paramref name="times"/> requests that <paramref name="match"/> accepts with an error.</summary>
    public void InjectError(Func<ProxiedRequest, bool> match, int times, int status, string errorType) =>
        AddRule(match, times, _ => new CannedResponse(
            status, $$"""{"__type": "{{errorType}}", "message": "injected"}""", errorType));

    /// <summary>Answers matching requests with <paramref name="respond"/>'s body when it returns one.</summary>
    public void Answer(Func<ProxiedRequest, bool> match, Func<ProxiedRequest, string?> respond, int times = int.MaxValue) =>
        AddRule(match, times, r => respond(r) is { } body ? new CannedResponse(200, body, null) : null);

    /// <summary>Hands the headers of every request to <paramref name="inspect"/> (the request is still forwarded).</summary>
    public void AnswerWithHeaders(Action<IReadOnlyDictionary<string, string>> inspect) => headerInspectors.Add(inspect);

    /// <summary>Holds the next <paramref name="times"/> matching requests for <paramref name="delay"/> before forwarding.</summary>
    public void Delay(string operation, int times, TimeSpan delay)
    {
        lock (rules)
        {
            delays.Add(new DelayRule(operation, delay) { Remaining = times });
        }
    }

    /// <summary>Forwards matching requests and hands moto's answer body to <paramref name="rewrite"/> before replying.</summary>
    public void Rewrite(Func<ProxiedRequest, bool> match, Func<ProxiedRequest, string, string> rewrite)
    {
        lock (rules)
        {
            rewrites.Add((match, rewrite));
        }
    }

    /// <summary>
    /// Forwards the next <paramref name="times"/> matching requests, so moto acts on them, then cuts the connection
    /// instead of answering: the client sees a network error for a call that did happen.
    /// </summary>
    public void DropResponse(string operation, int times)
    {
        lock (rules)
        {
            drops.Add(new DropRule(operation) { Remaining = times });
        }
    }

    public int Count(string operation) => requests.Count(r => r.Operation == operation);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        upstreamClient.Dispose();
    }

    private void AddRule(Func<ProxiedRequest, bool> match, int times, Func<ProxiedRequest, CannedResponse?> respond)
    {
        lock (rules)
        {
            rules.Add(new Rule(match, times, respond));
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        // Bodies are forwarded as the bytes received: S3 uploads (Parquet) are not text.
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var request = new ProxiedRequest(
            context.Request.Method, context.Request.Path.Value ?? "/",
            context.Request.Headers["X-Amz-Target"].FirstOrDefault(), Encoding.UTF8.GetString(body))
        {
            Query = context.Request.QueryString.Value ?? "",
        };
        requests.Enqueue(request);
        var headers = context.Request.Headers.ToDictionary(
            h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        foreach (var inspect in headerInspectors)
        {
            inspect(headers);
        }
        if (TakeDelay(request) is { } delay)
        {
            await Task.Delay(delay, context.RequestAborted).ContinueWith(_ => { });
        }
        if (TryCanned(request) is { } canned)
        {
            context.Response.StatusCode = canned.Status;
            context.Response.ContentType = "application/x-amz-json-1.1";
            if (canned.ErrorType is not null)
            {
                context.Response.Headers["x-amzn-ErrorType"] = canned.ErrorType;
            }
            await context.Response.WriteAsync(canned.Body);
            return;
        }
        await ForwardAsync(context, request, body);
    }

    private bool TakeDrop(ProxiedRequest request)
    {
        lock (rules)
        {
            var rule = drops.FirstOrDefault(d => d.Remaining > 0 && d.Operation == request.Operation);
            if (rule is null)
            {
                return false;
            }
            rule.Remaining--;
            return true;
        }
    }

    private TimeSpan? TakeDelay(ProxiedRequest request)
    {
        lock (rules)
        {
            var rule = delays.FirstOrDefault(d => d.Remaining > 0 && d.Operation == request.Operation);
            if (rule is null)
            {
                return null;
            }
            rule.Remaining--;
            return rule.Delay;
        }
    }

    private CannedResponse? TryCanned(ProxiedRequest request)
    {
        lock (rules)
        {
            foreach (var rule in rules.Where(r => r.Remaining > 0 && r.Match(request)))
            {
                if (rule.Respond(request) is { } response)
                {
                    rule.Remaining--;
                    return response;
                }
            }
        }
        return null;
    }

    private async Task ForwardAsync(HttpContext context, ProxiedRequest request, byte[] body)
    {
        var target = new Uri(upstream, context.Request.Path.Value + context.Request.QueryString.Value);
        using var message = new HttpRequestMessage(new HttpMethod(context.Request.Method), target)
        {
            Content = new ByteArrayContent(body),
        };
        foreach (var header in context.Request.Headers)
        {
            if (header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)
                || header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                message.Content.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }
        using var response = await upstreamClient.SendAsync(message);
        if (TakeDrop(request))
        {
            context.Abort();
            return;
        }
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (!header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                && !header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }
        }
        var answer = await response.Content.ReadAsByteArrayAsync();
        Func<ProxiedRequest, string, string>? rewrite;
        lock (rules)
        {
            rewrite = rewrites.FirstOrDefault(r => r.Match(request)).Rewrite;
        }
        if (rewrite is not null && response.IsSuccessStatusCode)
        {
            answer = Encoding.UTF8.GetBytes(rewrite(request, Encoding.UTF8.GetString(answer)));
        }
        await context.Response.Body.WriteAsync(answer);
    }

    private sealed class Rule(Func<ProxiedRequest, bool> match, int times, Func<ProxiedRequest, CannedResponse?> respond)
    {
        public Func<ProxiedRequest, bool> Match { get; } = match;
        public Func<ProxiedRequest, CannedResponse?> Respond { get; } = respond;
        public int Remaining { get; set; } = times;
    }

    private sealed record DelayRule(string Operation, TimeSpan Delay)
    {
        public int Remaining { get; set; }
    }

    private sealed record DropRule(string Operation)
    {
        public int Remaining { get; set; }
    }

    private sealed record CannedResponse(int Status, string Body, string? ErrorType);
}
