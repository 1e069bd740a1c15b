using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using G = KafkaRecon.Entities.KafkaReconciliation;

namespace KafkaRecon.Tests.ApiServer;

public sealed class SchemaValidationTests
{
    private const string Ns = TestApiServer.Namespace;

    private static JsonObject ValidBody(string name = "a") => new()
    {
        ["apiVersion"] = G.GroupVersion,
        ["kind"] = G.EntityKind,
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["window"] = new JsonObject { ["start"] = "2026-11-25T00:00:00Z", ["end"] = "2026-11-26T00:00:00Z" },
            ["manifests"] = new JsonObject { ["importLocation"] = "/i", ["exportLocation"] = "/e" },
            ["output"] = new JsonObject { ["location"] = "/o" },
        },
    };

    private static async Task<V1Status> RejectedAsync(k8s.Kubernetes client, JsonObject body, HttpStatusCode expected = HttpStatusCode.UnprocessableEntity, string? fieldValidation = null)
    {
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CustomObjects.CreateNamespacedCustomObjectAsync(
            body, G.Group, G.Version, Ns, G.Plural, fieldValidation: fieldValidation));
        Assert.Equal(expected, error.Response.StatusCode);
        return TestApiServer.StatusOf(error);
    }

    private static JsonObject With(Action<JsonObject> change)
    {
        var body = ValidBody();
        change(body);
        return body;
    }

    [Fact]
    public async Task Window_end_not_after_start_is_rejected_with_the_crd_rule_message()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();

        var status = await RejectedAsync(client, With(body => body["spec"]!["window"]!["end"] = "2026-11-25T00:00:00Z"));

        Assert.Equal("Invalid", status.Reason);
        var cause = Assert.Single(status.Details.Causes);
        Assert.Equal("spec.window.end", cause.Field);
        Assert.Equal("FieldValueInvalid", cause.Reason);
        Assert.Equal("Invalid value: \"object\": window.end must be after window.start", cause.Message);
        Assert.Equal("KafkaReconciliation.kafkarecon.io \"a\" is invalid: spec.window.end: Invalid value: \"object\": window.end must be after window.start", status.Message);
    }

    [Fact]
    public async Task A_missing_required_field_is_a_FieldValueRequired_cause()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();

        var status = await RejectedAsync(client, With(body => body["spec"]!.AsObject().Remove("output")));

        var cause = Assert.Single(status.Details.Causes);
        Assert.Equal(("FieldValueRequired", "spec.output", "Required value"), (cause.Reason, cause.Field, cause.Message));
    }

    [Theory]
    [InlineData("engine", "\"spark\"", "FieldValueNotSupported", "spec.engine", "Unsupported value: \"spark\": supported values: \"aws\", \"embedded\"")]
    [InlineData("query", """{"database":"Bad-Name"}""", "FieldValueInvalid", "spec.query.database", "Invalid value: \"Bad-Name\": spec.query.database in body should match '^[a-z_][a-z0-9_]{0,254}$'")]
    [InlineData("query", """{"maxConcurrentQueries":0}""", "FieldValueInvalid", "spec.query.maxConcurrentQueries", "Invalid value: 0: spec.query.maxConcurrentQueries in body should be greater than or equal to 1")]
    [InlineData("query", """{"maxConcurrentQueries":21}""", "FieldValueInvalid", "spec.query.maxConcurrentQueries", "Invalid value: 21: spec.query.maxConcurrentQueries in body should be less than or equal to 20")]
    [InlineData("manifests", """{"importLocation":"","exportLocation":"/e"}""", "FieldValueInvalid", "spec.manifests.importLocation", "Invalid value: \"\": spec.manifests.importLocation in body should be at least 1 chars long")]
    [InlineData("suspend", "\"yes\"", "FieldValueTypeInvalid", "spec.suspend", "Invalid value: \"string\": spec.suspend in body must be of type boolean: \"string\"")]
    [InlineData("window", """{"start":"yesterday"}""", "FieldValueInvalid", "spec.window.start", "Invalid value: \"yesterday\": spec.window.start in body must be of type date-time: \"yesterday\"")]
    [InlineData("timeouts", """{"coalesce":"2 hours"}""", "FieldValueInvalid", "spec.timeouts.coalesce", "Invalid value: \"2 hours\": spec.timeouts.coalesce in body should match '^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$'")]
    public async Task A_schema_violation_is_422_with_the_servers_cause(string field, string json, string reason, string path, string message)
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();

        var status = await RejectedAsync(client, With(body => body["spec"]![field] = JsonNode.Parse(json)));

        var cause = Assert.Single(status.Details.Causes);
        Assert.Equal((reason, path, message), (cause.Reason, cause.Field, cause.Message));
    }

    [Fact]
    public async Task Every_violation_is_reported_at_once()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();

        var status = await RejectedAsync(client, With(body =>
        {
            body["spec"]!["engine"] = "spark";
            body["spec"]!["coalesce"] = new JsonObject { ["maxFiles"] = 1 };
            body["spec"]!.AsObject().Remove("manifests");
        }));

        Assert.Equal(["spec.coalesce.maxFiles", "spec.engine", "spec.manifests"], status.Details.Causes.Select(cause => cause.Field).Order());
    }

    [Fact]
    public async Task An_invalid_object_name_is_rejected()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();

        var status = await RejectedAsync(client, ValidBody("Nightly_Run"));

        Assert.Equal("metadata.name", Assert.Single(status.Details.Causes).Field);
    }

    [Fact]
    public async Task Unknown_fields_are_pruned_with_a_warning_by_default()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();

        var response = await client.CustomObjects.CreateNamespacedCustomObjectWithHttpMessagesAsync(
            With(body => body["spec"]!["colour"] = "blue"), G.Group, G.Version, Ns, G.Plural);

        var created = (JsonObject)JsonNode.Parse(response.Body.ToString()!)!;
        Assert.False(created["spec"]!.AsObject().ContainsKey("colour"));
        Assert.Contains("unknown field \\\"spec.colour\\\"", string.Join(";", response.Response.Headers.GetValues("Warning")));
    }

    [Fact]
    public async Task Unknown_fields_are_rejected_with_strict_field_validation()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();

        var status = await RejectedAsync(client, With(body => body["spec"]!["colour"] = "blue"), HttpStatusCode.BadRequest, fieldValidation: "Strict");

        Assert.Equal("BadRequest", status.Reason);
        Assert.Contains("unknown field \"spec.colour\"", status.Message);
    }

    [Fact]
    public async Task Duplicate_condition_types_are_rejected_because_conditions_are_a_list_map()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(ValidBody(), G.Group, G.Version, Ns, G.Plural);
        var condition = """{"type":"Ready","status":"False","reason":"Progressing","message":"","lastTransitionTime":"2026-11-26T00:00:00Z"}""";

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch($$$"""{"status":{"conditions":[{{{condition}}},{{{condition}}}]}}""", V1Patch.PatchType.MergePatch), G.Group, G.Version, Ns, G.Plural, "a"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        var cause = Assert.Single(TestApiServer.StatusOf(error).Details.Causes);
        Assert.Equal(("FieldValueDuplicate", "status.conditions[1]"), (cause.Reason, cause.Field));
    }

    [Fact]
    public async Task An_update_is_validated_like_a_create()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(ValidBody(), G.Group, G.Version, Ns, G.Plural);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"spec":{"window":{"start":"2026-11-27T00:00:00Z"}}}""", V1Patch.PatchType.MergePatch), G.Group, G.Version, Ns, G.Plural, "a"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        Assert.Equal("spec.window.end", Assert.Single(TestApiServer.StatusOf(error).Details.Causes).Field);
    }
}
