using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KafkaRecon.ApiServer;

namespace KafkaRecon.Tests.ApiServer;

/// <summary>Starts an <see cref="ApiTestServer"/> serving the kafkarecon CRD fixture, and client shortcuts for tests.</summary>
internal static class TestApiServer
{
    public const string Namespace = "recon";

    public static string CrdPath => Path.Combine(AppContext.BaseDirectory, "ApiServer", "Fixtures", "kafkareconciliations.crd.yaml");

    public static Task<ApiTestServer> StartAsync(Action<ApiTestServerOptions>? configure = null)
    {
        var options = new ApiTestServerOptions();
        options.CrdFiles.Add(CrdPath);
        configure?.Invoke(options);
        return ApiTestServer.StartAsync(options);
    }

    public static k8s.Kubernetes Client(this ApiTestServer server) => new(server.ClientConfiguration());

    /// <summary>The Status body of a failed call, as the client received it.</summary>
    public static V1Status StatusOf(HttpOperationException error) =>
        KubernetesJson.Deserialize<V1Status>(error.Response.Content);

    public static T FromWatchObject<T>(object watched) => KubernetesJson.Deserialize<T>(((JsonElement)watched).GetRawText());
}
