using System.Text.Json.Nodes;
using KafkaRecon.ApiServer.Resources;

namespace KafkaRecon.ApiServer.Http;

/// <summary>
/// Just enough OpenAPI v3 for kubectl: the root index and, per group-version, PATCH operations tagged with
/// <c>x-kubernetes-group-version-kind</c> that declare the <c>fieldValidation</c> parameter. kubectl then leaves
/// validation to the server (sending <c>fieldValidation=Strict</c>) instead of validating client-side.
/// Schemas (for <c>kubectl explain</c>) are not served.
/// </summary>
internal sealed class OpenApiDocuments(ResourceTypeRegistry types)
{
    public JsonObject? Find(string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["openapi", "v3"] => Root(),
            ["openapi", "v3", "api", var version] => GroupVersion("", version),
            ["openapi", "v3", "apis", var group, var version] => GroupVersion(group, version),
            _ => null,
        };
    }

    private JsonObject Root()
    {
        var paths = new JsonObject();
        foreach (var type in types.All.DistinctBy(type => type.ApiVersion))
        {
            var key = type.Group.Length == 0 ? $"api/{type.Version}" : $"apis/{type.Group}/{type.Version}";
            paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash=apitestserver" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    private JsonObject? GroupVersion(string group, string version)
    {
        var served = types.InGroupVersion(group, version).ToList();
        if (served.Count == 0)
        {
            return null;
        }

        var paths = new JsonObject();
        foreach (var type in served)
        {
            var prefix = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
            var scope = type.Namespaced ? "/namespaces/{namespace}" : "";
            paths[$"{prefix}{scope}/{type.Plural}/{{name}}"] = new JsonObject
            {
                ["patch"] = new JsonObject
                {
                    ["operationId"] = $"patch{type.Kind}",
                    ["parameters"] = new JsonArray(
                        Query("dryRun"), Query("fieldManager"), Query("fieldValidation"), Query("force")),
                    ["x-kubernetes-action"] = "patch",
                    ["x-kubernetes-group-version-kind"] = new JsonObject
                    {
                        ["group"] = type.Group,
                        ["version"] = type.Version,
                        ["kind"] = type.Kind,
                    },
                    ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
                },
            };
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = new JsonObject() },
        };
    }

    private static JsonObject Query(string name) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };
}
