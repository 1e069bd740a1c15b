using System.Net;
using System.Text.Json.Nodes;
using k8s;
using KafkaRecon.ApiServer.Diagnostics;
using KafkaRecon.ApiServer.Faults;
using KafkaRecon.ApiServer.Http;
using KafkaRecon.ApiServer.Resources;
using KafkaRecon.ApiServer.Semantics;
using KafkaRecon.ApiServer.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.ApiServer;

/// <summary>
/// An in-process Kubernetes API server on 127.0.0.1 with real API-server semantics for what an operator and kubectl
/// use: a stateful store with a global resourceVersion, CRD schema validation, the status subresource, finalizers,
/// LIST/WATCH with bookmarks and 410 Expired, Leases, Events, discovery and Table output; plus fault injection.
/// </summary>
public sealed class ApiTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ResourceTypeRegistry _types;
    private readonly ResourceStore _store;
    private readonly DiscoveryDocuments _discovery;
    private readonly OpenApiDocuments _openApi;
    private readonly ResourceHandler _resources;
    private readonly TimeProvider _time;

    private ApiTestServer(WebApplication app, ResourceTypeRegistry types, ApiTestServerOptions options)
    {
        _app = app;
        _types = types;
        _time = options.TimeProvider;
        _store = new ResourceStore(options.HistoryCapacity);
        Faults = new FaultInjector(_store);
        _discovery = new DiscoveryDocuments(types);
        _openApi = new OpenApiDocuments(types);
        var tables = new TableBuilder(options.TimeProvider);
        var watches = new WatchStreamer(_store, Faults, tables,
            new WatchSettings(options.DefaultWatchTimeout, options.BookmarkInterval, options.TimeProvider));
        _resources = new ResourceHandler(_store, new ObjectWriter(_store, types, options.TimeProvider), tables, watches);
    }

    /// <summary>Base URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; private set; } = "";

    public int Port { get; private set; }

    public FaultInjector Faults { get; }

    public RequestLog Requests { get; } = new();

    /// <summary>The newest resourceVersion handed out.</summary>
    public long CurrentResourceVersion => _store.CurrentResourceVersion;

    public static async Task<ApiTestServer> StartAsync(ApiTestServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ApiTestServerOptions();
        var types = new ResourceTypeRegistry(LoadCrds(options));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ApiTestServer(app, types, options);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Port = new Uri(address).Port;
        server.Url = $"http://127.0.0.1:{server.Port}";
        return server;
    }

    /// <summary>A client configuration pointing at this server (plain HTTP, no credentials).</summary>
    public KubernetesClientConfiguration ClientConfiguration() => new() { Host = Url };

    /// <summary>Writes a kubeconfig for this server into <paramref name="directory"/> and returns its path.</summary>
    public string WriteKubeconfig(string directory, string @namespace = "default")
    {
        var path = Path.Combine(directory, "kubeconfig");
        File.WriteAllText(path, $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: apitestserver
              cluster:
                server: {{Url}}
            users:
            - name: tester
              user: {}
            contexts:
            - name: apitestserver
              context:
                cluster: apitestserver
                user: tester
                namespace: {{@namespace}}
            current-context: apitestserver
            """);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        Faults.DropWatches(abortConnection: true);
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(grace.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (context.Request.Method == "GET"
            && (_discovery.Find(path, $"127.0.0.1:{Port}") ?? _openApi.Find(path)) is { } document)
        {
            Requests.Add(new RecordedRequest("GET", "discovery", path, context.Request.QueryString.Value ?? "", null, null, null) { StatusCode = 200 });
            await JsonResponses.WriteAsync(context, 200, document);
            return;
        }

        var target = RequestTarget.Parse(path);
        var type = target is null ? null : _types.Find(target.Group, target.Version, target.Plural);
        var verb = target is null ? context.Request.Method.ToLowerInvariant() : RequestVerb.Of(context.Request, target);
        var recorded = new RecordedRequest(context.Request.Method, verb, path, context.Request.QueryString.Value ?? "",
            target?.Plural, target?.Subresource, target?.Namespace);
        Requests.Add(recorded);
        context.Response.OnStarting(() =>
        {
            recorded.StatusCode = context.Response.StatusCode;
            return Task.CompletedTask;
        });

        try
        {
            if (target is null || type is null)
            {
                throw new ApiError(404, "NotFound", "the server could not find the requested resource");
            }

            if (Faults.TakeFailure(verb, target.Plural, target.Subresource) is { } fault)
            {
                if (fault.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(fault.Delay, _time, context.RequestAborted);
                }

                if (fault.StatusCode != 0)
                {
                    await RespondFaultAsync(context, fault.StatusCode, fault.RetryAfter);
                    return;
                }
            }

            await _resources.HandleAsync(context, target, type, verb);
        }
        catch (ApiError error) when (!context.Response.HasStarted)
        {
            await JsonResponses.WriteErrorAsync(context, error);
        }
        catch (Exception error) when (!context.Response.HasStarted && error is not OperationCanceledException)
        {
            // A defect of the test server itself: surface it in the response so the failing test shows it.
            await JsonResponses.WriteErrorAsync(context, new ApiError(500, "InternalError", $"api test server defect: {error}"));
        }
    }

    private static Task RespondFaultAsync(HttpContext context, int statusCode, TimeSpan retryAfter)
    {
        var (reason, message) = statusCode switch
        {
            409 => ("Conflict", "Operation cannot be fulfilled: the object has been modified; please apply your changes to the latest version and try again (injected)"),
            429 => ("TooManyRequests", "Too many requests, please try again later. (injected)"),
            500 => ("InternalError", "Internal error occurred: injected failure"),
            503 => ("ServiceUnavailable", "The server is currently unable to handle the request (injected)"),
            _ => ("Unknown", $"injected failure {statusCode}"),
        };
        if (statusCode == 429)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return JsonResponses.WriteAsync(context, statusCode, ApiError.StatusBody(statusCode, reason, message, null));
    }

    private static IEnumerable<ResourceType> LoadCrds(ApiTestServerOptions options)
    {
        var fromFiles = options.CrdFiles.SelectMany(file => CrdLoader.FromYaml(File.ReadAllText(file)));
        var fromYaml = options.CrdYaml.SelectMany(CrdLoader.FromYaml);
        var fromModels = options.Crds.SelectMany(crd => CrdLoader.FromDefinition((JsonObject)JsonNode.Parse(KubernetesJson.Serialize(crd))!));
        return fromFiles.Concat(fromYaml).Concat(fromModels).ToList();
    }
}
