using System.Net;
using System.Text;
using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Tests.Notifications;

public sealed class WebhookUrlSourceTests
{
    private const string Url = "https://hooks.slack.com/services/T1/B2/abc";
    private static readonly SlackWebhook WithRef = Failure(new SlackSpec { WebhookSecretRef = new SecretKeyRef { Name = "slack-webhook", Key = "url" } });
    private static readonly SlackWebhook NoRef = Failure(new SlackSpec());

    private static SlackWebhook Failure(SlackSpec slack) => SlackWebhook.For(slack, NotificationOutcome.Failed)!;

    [Fact]
    public async Task Local_source_reads_the_environment_variable()
    {
        var source = new LocalWebhookUrlSource(null, name => name == "KAFKA_RECON_SLACK_WEBHOOK" ? $" {Url}\n" : null);
        Assert.Equal(new Uri(Url), await source.ResolveAsync("default", NoRef, CancellationToken.None));
    }

    [Fact]
    public async Task Local_source_prefers_the_file_over_the_environment()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "https://hooks.slack.com/services/from-file\n");
            var source = new LocalWebhookUrlSource(file, name => name == LocalWebhookUrlSource.EnvironmentVariable ? Url : null);
            Assert.Equal(new Uri("https://hooks.slack.com/services/from-file"),
                await source.ResolveAsync("default", NoRef, CancellationToken.None));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Local_source_names_the_missing_file()
    {
        var source = new LocalWebhookUrlSource("/nonexistent/slack-url", _ => null);
        var error = await Assert.ThrowsAsync<WebhookUrlUnavailableException>(
            () => source.ResolveAsync("default", NoRef, CancellationToken.None));
        Assert.Contains("/nonexistent/slack-url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_is_not_a_url_is_rejected_without_echoing_it()
    {
        var source = new LocalWebhookUrlSource(null, name => name == LocalWebhookUrlSource.EnvironmentVariable ? "not-a-url-secret" : null);
        var error = await Assert.ThrowsAsync<WebhookUrlUnavailableException>(
            () => source.ResolveAsync("default", NoRef, CancellationToken.None));
        Assert.DoesNotContain("not-a-url-secret", error.Message, StringComparison.Ordinal);
        Assert.Contains("KAFKA_RECON_SLACK_WEBHOOK", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_source_reads_the_key_of_the_secret_in_the_resources_namespace()
    {
        await using var api = await FakeSecretsApi.StartAsync(("recon", "slack-webhook", new Dictionary<string, string> { ["url"] = Url }));

        var url = await new SecretWebhookUrlSource(api.Client).ResolveAsync("recon", WithRef, CancellationToken.None);

        Assert.Equal(new Uri(Url), url);
        Assert.Equal(["/api/v1/namespaces/recon/secrets/slack-webhook"], api.Paths.ToArray());
    }

    [Fact]
    public async Task Secret_source_names_a_missing_secret()
    {
        await using var api = await FakeSecretsApi.StartAsync();

        var error = await Assert.ThrowsAsync<WebhookUrlUnavailableException>(
            () => new SecretWebhookUrlSource(api.Client).ResolveAsync("recon", WithRef, CancellationToken.None));

        Assert.Equal(
            "Secret 'recon/slack-webhook' (spec.notifications.slack.webhookSecretRef) does not exist; create it with key 'url'.",
            error.Message);
    }

    [Fact]
    public async Task Secret_source_names_a_missing_key_and_the_keys_present()
    {
        await using var api = await FakeSecretsApi.StartAsync(("recon", "slack-webhook", new Dictionary<string, string> { ["webhook"] = Url, ["token"] = "x" }));

        var error = await Assert.ThrowsAsync<WebhookUrlUnavailableException>(
            () => new SecretWebhookUrlSource(api.Client).ResolveAsync("recon", WithRef, CancellationToken.None));

        Assert.Equal(
            "Secret 'recon/slack-webhook' (spec.notifications.slack.webhookSecretRef) has no key 'url' (webhookSecretRef.key); keys present: token, webhook.",
            error.Message);
    }

    [Fact]
    public async Task Secret_source_requires_a_secret_reference()
    {
        var error = await Assert.ThrowsAsync<WebhookUrlUnavailableException>(
            () => new SecretWebhookUrlSource(new k8s.Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" }))
                .ResolveAsync("recon", NoRef, CancellationToken.None));
        Assert.StartsWith("spec.notifications.slack.webhookSecretRef is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_source_reads_each_outcomes_own_secret_and_names_its_field()
    {
        await using var api = await FakeSecretsApi.StartAsync(
            ("recon", "slack-ok", new Dictionary<string, string> { ["url"] = Url + "-ok" }),
            ("recon", "slack-alerts", new Dictionary<string, string> { ["hook"] = Url + "-alerts" }));
        var slack = new SlackSpec
        {
            SuccessWebhookSecretRef = new SecretKeyRef { Name = "slack-ok", Key = "url" },
            FailureWebhookSecretRef = new SecretKeyRef { Name = "slack-alerts", Key = "url" },
        };
        var source = new SecretWebhookUrlSource(api.Client);

        var success = await source.ResolveAsync("recon", SlackWebhook.For(slack, NotificationOutcome.Succeeded)!, CancellationToken.None);
        var error = await Assert.ThrowsAsync<WebhookUrlUnavailableException>(
            () => source.ResolveAsync("recon", SlackWebhook.For(slack, NotificationOutcome.Failed)!, CancellationToken.None));

        Assert.Equal(new Uri(Url + "-ok"), success);
        Assert.Equal(
            "Secret 'recon/slack-alerts' (spec.notifications.slack.failureWebhookSecretRef) has no key 'url' (failureWebhookSecretRef.key); keys present: hook.",
            error.Message);
    }

    [Theory]
    [InlineData(true, "KAFKA_RECON_SLACK_SUCCESS_WEBHOOK", "-ok")]
    [InlineData(false, "KAFKA_RECON_SLACK_FAILURE_WEBHOOK", "-alerts")]
    public async Task Local_source_prefers_the_outcomes_own_variable(bool succeeded, string variable, string suffix)
    {
        var outcome = succeeded ? NotificationOutcome.Succeeded : NotificationOutcome.Failed;
        var environment = new Dictionary<string, string>
        {
            ["KAFKA_RECON_SLACK_WEBHOOK"] = Url, [variable] = Url + suffix,
        };
        var source = new LocalWebhookUrlSource(null, name => environment.GetValueOrDefault(name));

        var own = await source.ResolveAsync("default", SlackWebhook.For(new SlackSpec(), outcome)!, CancellationToken.None);
        var other = await source.ResolveAsync("default",
            SlackWebhook.For(new SlackSpec(), outcome == NotificationOutcome.Failed ? NotificationOutcome.Succeeded : NotificationOutcome.Failed)!,
            CancellationToken.None);

        Assert.Equal(new Uri(Url + suffix), own);
        Assert.Equal(new Uri(Url), other);
    }

    [Fact]
    public async Task Local_source_reads_the_outcomes_own_file_before_any_variable()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, Url + "-file\n");
            var source = new LocalWebhookUrlSource(null, _ => Url, successFilePath: file);

            var url = await source.ResolveAsync("default", SlackWebhook.For(new SlackSpec(), NotificationOutcome.Succeeded)!, CancellationToken.None);

            Assert.Equal(new Uri(Url + "-file"), url);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Serves GET secret requests like the Kubernetes API server, from a fixed set of secrets.</summary>
    private sealed class FakeSecretsApi : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeSecretsApi(WebApplication app, k8s.Kubernetes client)
        {
            _app = app;
            Client = client;
        }

        public k8s.Kubernetes Client { get; }

        public List<string> Paths { get; } = [];

        public static async Task<FakeSecretsApi> StartAsync(params (string Namespace, string Name, Dictionary<string, string> Data)[] secrets)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            FakeSecretsApi? api = null;
            app.MapGet("/api/v1/namespaces/{ns}/secrets/{name}", (HttpContext context, string ns, string name) =>
            {
                api!.Paths.Add(context.Request.Path.Value!);
                var found = secrets.FirstOrDefault(s => s.Namespace == ns && s.Name == name);
                if (found.Name is null)
                {
                    return Results.Json(
                        new { kind = "Status", apiVersion = "v1", status = "Failure", reason = "NotFound", code = 404,
                              message = $"secrets \"{name}\" not found" },
                        statusCode: 404);
                }
                return Results.Json(new
                {
                    apiVersion = "v1", kind = "Secret",
                    metadata = new { name, @namespace = ns },
                    data = found.Data.ToDictionary(d => d.Key, d => Convert.ToBase64String(Encoding.UTF8.GetBytes(d.Value))),
                });
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            api = new FakeSecretsApi(app, new k8s.Kubernetes(new KubernetesClientConfiguration { Host = address }));
            return api;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
