using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using KafkaRecon.Entities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Tests.Scheduling;

/// <summary>
/// A tiny stand-in for the Kubernetes API on 127.0.0.1: just the calls <c>kafka-recon create</c> makes
/// (list by label, create with 409 on a taken name, delete, read ConfigMap), with a log of the requests.
/// </summary>
internal sealed class ScriptedApiServer : IAsyncDisposable
{
    private const string Collection = $"/apis/{KafkaReconciliation.Group}/{KafkaReconciliation.Version}/namespaces/{{ns}}/{KafkaReconciliation.Plural}";

    /// <summary>Every kafkareconciliations call in this namespace is refused, as without RBAC.</summary>
    public const string ForbiddenNamespace = "forbidden";

    private readonly WebApplication app;
    private int resourceVersion = 100;

    private ScriptedApiServer(WebApplication app) => this.app = app;

    public ConcurrentDictionary<string, JsonObject> Resources { get; } = new();
    public ConcurrentDictionary<string, Dictionary<string, string>> ConfigMaps { get; } = new();
    public ConcurrentQueue<string> Requests { get; } = new();
    public string Url => app.Urls.First();

    public IEnumerable<string> Mutations => Requests.Where(r => !r.StartsWith("GET", StringComparison.Ordinal));

    public static async Task<ScriptedApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new ScriptedApiServer(builder.Build());
        server.MapRoutes();
        await server.app.StartAsync();
        return server;
    }

    /// <summary>Puts a resource in place as if an earlier run had created it and the operator had updated its status.</summary>
    public void Seed(string @namespace, string name, ReconciliationPhase? phase, DateTimeOffset windowStart, string? schedule = "nightly")
    {
        var labels = new JsonObject();
        if (schedule is not null)
        {
            labels[WellKnown.ScheduleLabel] = schedule;
        }
        var resource = new JsonObject
        {
            ["apiVersion"] = KafkaReconciliation.GroupVersion,
            ["kind"] = KafkaReconciliation.EntityKind,
            ["metadata"] = new JsonObject
            {
                ["name"] = name, ["namespace"] = @namespace, ["labels"] = labels,
                ["creationTimestamp"] = windowStart.AddDays(1).AddHours(3).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            },
            ["spec"] = new JsonObject { ["window"] = new JsonObject { ["start"] = windowStart.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") } },
        };
        if (phase is not null)
        {
            resource["status"] = new JsonObject { ["phase"] = phase.ToString() };
        }
        Resources[$"{@namespace}/{name}"] = resource;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private void MapRoutes()
    {
        app.Use(async (context, next) =>
        {
            Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            if (context.Request.Path.StartsWithSegments($"/apis/{KafkaReconciliation.Group}/{KafkaReconciliation.Version}/namespaces/{ForbiddenNamespace}"))
            {
                await Failure(403, "Forbidden", "kafkareconciliations is forbidden: User \"system:serviceaccount:x:y\" cannot list resource").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        app.MapGet(Collection, (string ns, string? labelSelector) => Results.Json(List(ns, labelSelector)));
        app.MapPost(Collection, async (string ns, HttpRequest request) =>
        {
            var body = (JsonObject)(await JsonNode.ParseAsync(request.Body))!;
            var name = (string)body["metadata"]!["name"]!;
            var metadata = (JsonObject)body["metadata"]!;
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["resourceVersion"] = Interlocked.Increment(ref resourceVersion).ToString();
            metadata["creationTimestamp"] = "2026-11-26T03:30:00Z";
            return Resources.TryAdd($"{ns}/{name}", body)
                ? Results.Json(body, statusCode: 201)
                : Failure(409, "AlreadyExists", $"{KafkaReconciliation.Plural}.{KafkaReconciliation.Group} \"{name}\" already exists");
        });
        app.MapDelete(Collection + "/{name}", (string ns, string name) =>
            Resources.TryRemove($"{ns}/{name}", out _)
                ? Results.Json(new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = "Success" })
                : Failure(404, "NotFound", $"\"{name}\" not found"));
        app.MapGet("/api/v1/namespaces/{ns}/configmaps/{name}", (string ns, string name) =>
            ConfigMaps.TryGetValue($"{ns}/{name}", out var data)
                ? Results.Json(new JsonObject
                {
                    ["apiVersion"] = "v1", ["kind"] = "ConfigMap",
                    ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
                    ["data"] = new JsonObject(data.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                })
                : Failure(404, "NotFound", $"configmaps \"{name}\" not found"));
    }

    private JsonObject List(string ns, string? labelSelector)
    {
        var (key, value) = labelSelector?.Split('=', 2) is [var k, var v] ? (k, v) : ("", "");
        var items = Resources.Where(r => r.Key.StartsWith(ns + "/", StringComparison.Ordinal))
            .Select(r => r.Value)
            .Where(r => key.Length == 0 || (string?)r["metadata"]?["labels"]?[key] == value)
            .Select(r => r.DeepClone())
            .ToArray();
        return new JsonObject
        {
            ["apiVersion"] = KafkaReconciliation.GroupVersion,
            ["kind"] = KafkaReconciliation.EntityKind + "List",
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion.ToString() },
            ["items"] = new JsonArray(items),
        };
    }

    private static IResult Failure(int code, string reason, string message) => Results.Json(
        new JsonObject
        {
            ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = "Failure",
            ["reason"] = reason, ["message"] = message, ["code"] = code,
        },
        statusCode: code);
}
