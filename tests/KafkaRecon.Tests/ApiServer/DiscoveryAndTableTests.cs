using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using k8s;
using G = KafkaRecon.Entities.KafkaReconciliation;

namespace KafkaRecon.Tests.ApiServer;

public sealed class DiscoveryAndTableTests
{
    private const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

    private static async Task<JsonObject> GetJsonAsync(HttpClient http, string path, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task The_group_version_lists_the_crd_with_short_names_categories_and_status_subresource()
    {
        await using var server = await TestApiServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };

        var groups = await GetJsonAsync(http, "/apis");
        var resources = await GetJsonAsync(http, $"/apis/{G.Group}/{G.Version}");

        Assert.Contains(groups["groups"]!.AsArray(), group => group!["name"]!.GetValue<string>() == G.Group);
        var main = resources["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == G.Plural)!;
        Assert.Equal(["krecon", "kr"], main["shortNames"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["kafkarecon"], main["categories"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.True(main["namespaced"]!.GetValue<bool>());
        Assert.Contains(resources["resources"]!.AsArray(), r => r!["name"]!.GetValue<string>() == $"{G.Plural}/status");
    }

    [Fact]
    public async Task A_table_request_returns_the_printer_columns_with_ages_rendered()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero));
        await using var server = await TestApiServer.StartAsync(options => options.TimeProvider = clock);
        using var client = server.Client();
        await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(Samples.Reconciliation("nightly"), G.Group, G.Version, TestApiServer.Namespace, G.Plural);
        await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<G>(new k8s.Models.V1Patch(
            """{"status":{"phase":"Succeeded","window":{"start":"2026-11-25T00:00:00Z","end":"2026-11-26T00:00:00Z"},"results":{"missingExports":42}}}""",
            k8s.Models.V1Patch.PatchType.MergePatch), G.Group, G.Version, TestApiServer.Namespace, G.Plural, "nightly");
        clock.Advance(TimeSpan.FromMinutes(5));
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };

        var table = await GetJsonAsync(http, $"/apis/{G.Group}/{G.Version}/namespaces/{TestApiServer.Namespace}/{G.Plural}", TableAccept);

        Assert.Equal("Table", table["kind"]!.GetValue<string>());
        Assert.Equal(["Name", "Phase", "Window", "Missing", "Age"], table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        var cells = table["rows"]!.AsArray().Single()!["cells"]!.AsArray().Select(c => c?.ToJsonString()).ToList();
        Assert.Equal(["\"nightly\"", "\"Succeeded\"", "\"2026-11-25T00:00:00Z\"", "42", "\"5m\""], cells);
    }

    [Fact]
    public async Task OpenApi_v3_declares_field_validation_so_kubectl_validates_on_the_server()
    {
        await using var server = await TestApiServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };

        var root = await GetJsonAsync(http, "/openapi/v3");
        var url = root["paths"]![$"apis/{G.Group}/{G.Version}"]!["serverRelativeURL"]!.GetValue<string>();
        var document = await GetJsonAsync(http, url);

        var patch = document["paths"]![$"/apis/{G.Group}/{G.Version}/namespaces/{{namespace}}/{G.Plural}/{{name}}"]!["patch"]!;
        Assert.Equal(G.EntityKind, patch["x-kubernetes-group-version-kind"]!["kind"]!.GetValue<string>());
        Assert.Contains(patch["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "fieldValidation");
    }

    [Fact]
    public async Task Unknown_paths_are_404_with_a_Status_body()
    {
        await using var server = await TestApiServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await http.GetAsync("/apis/example.com/v1/namespaces/x/widgets");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFound", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["reason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/apis/kafkarecon.io/v1alpha1/kafkareconciliations/a")]
    [InlineData("/apis/kafkarecon.io/v1alpha1/namespaces/recon/kafkareconciliations/a/scale")]
    [InlineData("/api/v1/namespaces/recon/namespaces")]
    public async Task Paths_outside_a_resources_scope_or_subresources_are_404(string path)
    {
        await using var server = await TestApiServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };

        using var response = await http.GetAsync(path);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
