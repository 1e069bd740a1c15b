using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Tests.Notifications;

/// <summary>
/// A Slack incoming webhook on 127.0.0.1: records every request and answers from a script (then 200 "ok").
/// </summary>
internal sealed class SlackReceiver : IAsyncDisposable
{
    public const string SecretPath = "/services/T000/B000/secret-token";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SlackAnswer> _script;

    private SlackReceiver(WebApplication app, ConcurrentQueue<SlackAnswer> script, Uri baseAddress)
    {
        _app = app;
        _script = script;
        WebhookUrl = new Uri(baseAddress, SecretPath);
    }

    public Uri WebhookUrl { get; }

    public ConcurrentQueue<(string Path, string ContentType, JsonObject Body)> Requests { get; } = new();

    public static async Task<SlackReceiver> StartAsync(params SlackAnswer[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var script = new ConcurrentQueue<SlackAnswer>(answers);
        SlackReceiver? receiver = null;
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
            receiver!.Requests.Enqueue((context.Request.Path.Value ?? "", context.Request.ContentType ?? "", body));
            var answer = script.TryDequeue(out var next) ? next : new SlackAnswer(200);
            context.Response.StatusCode = answer.Status;
            if (answer.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = answer.RetryAfter;
            }
            await context.Response.WriteAsync(answer.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new SlackReceiver(app, script, new Uri(address));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
