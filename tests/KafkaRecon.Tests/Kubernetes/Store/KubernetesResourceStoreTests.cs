using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Tests.Kubernetes.Support;
using static KafkaRecon.Tests.Kubernetes.Support.Resources;

namespace KafkaRecon.Tests.Kubernetes.Store;

public sealed class KubernetesResourceStoreTests : IAsyncLifetime
{
    private ScriptedApiStub stub = null!;
    private KubernetesResourceStore store = null!;

    public async Task InitializeAsync()
    {
        stub = await ScriptedApiStub.StartAsync();
        store = new KubernetesResourceStore(stub.Client());
    }

    public async Task DisposeAsync() => await stub.DisposeAsync();

    [Theory]
    [InlineData(404, "NotFound", "NotFound")]
    [InlineData(409, "Conflict", "Conflict")]
    [InlineData(409, "AlreadyExists", "AlreadyExists")]
    [InlineData(410, "Expired", "Expired")]
    [InlineData(422, "Invalid", "Invalid")]
    [InlineData(403, "Forbidden", "Forbidden")]
    [InlineData(500, "InternalError", "ServerError")]
    [InlineData(503, "ServiceUnavailable", "ServerError")]
    public async Task Api_failures_surface_as_typed_errors_with_the_servers_message(
        int code, string reason, string expected)
    {
        stub.On("GET", _ => true, Respond.Status(code, reason, $"server says {reason}"));

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            store.GetAsync(new ResourceKey("team-a", "daily"), CancellationToken.None));

        Assert.Equal(Enum.Parse<ApiErrorKind>(expected), error.Kind);
        Assert.Equal(code, error.StatusCode);
        Assert.Contains($"server says {reason}", error.Message);
        Assert.Contains("team-a/daily", error.Message);
    }

    [Fact]
    public async Task Too_many_requests_carries_the_retry_after_hint()
    {
        stub.On("GET", _ => true, async (context, cancellationToken) =>
        {
            context.Response.Headers.RetryAfter = "7";
            await Respond.Status(429, "TooManyRequests", "slow down")(context, cancellationToken);
        });

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            store.GetAsync(new ResourceKey("team-a", "daily"), CancellationToken.None));

        Assert.Equal(ApiErrorKind.TooManyRequests, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Fact]
    public async Task Get_reads_the_typed_resource()
    {
        stub.On("GET", r => r.Path == Item("team-a", "daily"), Respond.Json(SampleResource("team-a", "daily", "42", generation: 4)));

        var resource = await store.GetAsync(new ResourceKey("team-a", "daily"), CancellationToken.None);

        Assert.Equal("42", resource.Metadata.ResourceVersion);
        Assert.Equal(4, resource.Metadata.Generation);
        Assert.Equal("/data/import", resource.Spec.Manifests.ImportLocation);
    }
}
