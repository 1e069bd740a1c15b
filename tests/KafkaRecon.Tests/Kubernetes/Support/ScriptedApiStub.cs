using System.Collections.Concurrent;
using System.Text;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Tests.Kubernetes.Support;

/// <summary>
/// A deliberately small scripted HTTP stub on 127.0.0.1 for the runtime's own tests: each route answers from a
/// script of responses (the last one repeats). The stateful fake API server replaces it for integration tests.
/// </summary>
internal sealed class ScriptedApiStub : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly List<Route> routes = new();
    private readonly CancellationTokenSource stopping = new();

    private ScriptedApiStub(WebApplication app)
    {
        this.app = app;
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public string Url => app.Urls.First();

    public static async Task<ScriptedApiStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new ScriptedApiStub(app);
        app.Run(stub.HandleAsync);
        await app.StartAsync();
        return stub;
    }

    public IKubernetes Client() => new k8s.Kubernetes(new KubernetesClientConfiguration { Host = Url });

    /// <summary>Scripts the responses of requests matching <paramref name="method"/> and <paramref name="match"/>.</summary>
    public void On(string method, Func<HttpRequest, bool> match, params Responder[] script)
    {
        lock (routes)
        {
            routes.Add(new Route(method, match, new Queue<Responder>(script)));
        }
    }

    public IEnumerable<RecordedRequest> Matching(string method, Func<RecordedRequest, bool> match) =>
        Requests.Where(request => request.Method == method && match(request));

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        Requests.Enqueue(new RecordedRequest(
            context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "",
            context.Request.ContentType, body));
        Responder? responder = null;
        lock (routes)
        {
            var route = routes.LastOrDefault(r => r.Method == context.Request.Method && r.Match(context.Request));
            if (route is not null)
            {
                responder = route.Script.Count > 1 ? route.Script.Dequeue() : route.Script.Peek();
            }
        }
        if (responder is null)
        {
            await Respond.Status(404, "NotFound", $"no scripted route for {context.Request.Method} {context.Request.Path}")(
                context, stopping.Token);
            return;
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token, context.RequestAborted);
        try
        {
            await responder(context, linked.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private sealed record Route(string Method, Func<HttpRequest, bool> Match, Queue<Responder> Script);
}

internal delegate Task Responder(HttpContext context, CancellationToken cancellationToken);

internal sealed record RecordedRequest(string Method, string Path, string Query, string? ContentType, string Body)
{
    public string? QueryValue(string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Query).TryGetValue(name, out var value)
            ? value.ToString()
            : null;
}

/// <summary>Canned responses: JSON bodies, Status errors, watch streams.</summary>
internal static class Respond
{
    public static Responder Json(object body, int statusCode = 200) => async (context, cancellationToken) =>
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(KubernetesJson.Serialize(body), cancellationToken);
    };

    public static Responder Status(int code, string reason, string message = "") =>
        Json(StatusObject(code, reason, message), code);

    public static object StatusObject(int code, string reason, string message) => new Dictionary<string, object>
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["status"] = "Failure",
        ["reason"] = reason,
        ["code"] = code,
        ["message"] = message,
    };

    /// <summary>Streams watch events one line at a time, then closes cleanly (or stays open when asked).</summary>
    public static Responder Watch(IEnumerable<object> events, bool holdOpen = false) => async (context, cancellationToken) =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.Body.FlushAsync(cancellationToken);
        foreach (var item in events)
        {
            var line = KubernetesJson.Serialize(item) + "\n";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
        }
        if (holdOpen)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    };

    public static object Event(string type, object resource) => new Dictionary<string, object>
    {
        ["type"] = type,
        ["object"] = resource,
    };

    public static object ExpiredEvent(string resourceVersion) =>
        Event("ERROR", StatusObject(410, "Expired", $"too old resource version: {resourceVersion} (999)"));

    public static object Bookmark(string resourceVersion) => Event("BOOKMARK", new Dictionary<string, object>
    {
        ["kind"] = "KafkaReconciliation",
        ["apiVersion"] = "kafkarecon.io/v1alpha1",
        ["metadata"] = new Dictionary<string, object> { ["resourceVersion"] = resourceVersion },
    });
}
