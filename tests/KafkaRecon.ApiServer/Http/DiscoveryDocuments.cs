using System.Text.Json.Nodes;
using KafkaRecon.ApiServer.Resources;

namespace KafkaRecon.ApiServer.Http;

/// <summary>
/// Legacy (unaggregated) discovery, which kubectl falls back to when the server does not answer with the aggregated
/// format: <c>/version</c>, <c>/api</c>, <c>/api/v1</c>, <c>/apis</c>, <c>/apis/{group}</c>, <c>/apis/{group}/{version}</c>.
/// </summary>
internal sealed class DiscoveryDocuments(ResourceTypeRegistry types)
{
    public JsonObject? Find(string path, string serverAddress)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["version"] => Version(),
            ["api"] => new JsonObject
            {
                ["kind"] = "APIVersions",
                ["versions"] = new JsonArray("v1"),
                ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject
                {
                    ["clientCIDR"] = "0.0.0.0/0",
                    ["serverAddress"] = serverAddress,
                }),
            },
            ["api", var version] when types.Versions("").Contains(version) => ResourceList("", version),
            ["apis"] => new JsonObject
            {
                ["kind"] = "APIGroupList",
                ["apiVersion"] = "v1",
                ["groups"] = new JsonArray(types.Groups.Select(group => (JsonNode)Group(group)).ToArray()),
            },
            ["apis", var group] when types.Groups.Contains(group) => Group(group),
            ["apis", var group, var version] when types.Versions(group).Contains(version) => ResourceList(group, version),
            _ => null,
        };
    }

    private static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-kafkarecon-apitestserver",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.23",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    private JsonObject Group(string group)
    {
        var versions = types.Versions(group)
            .Select(version => (JsonNode)new JsonObject { ["groupVersion"] = $"{group}/{version}", ["version"] = version })
            .ToArray();
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = group,
            ["versions"] = new JsonArray(versions),
            ["preferredVersion"] = versions[0]!.DeepClone(),
        };
    }

    private JsonObject ResourceList(string group, string version)
    {
        var resources = new JsonArray();
        foreach (var type in types.InGroupVersion(group, version))
        {
            resources.Add(new JsonObject
            {
                ["name"] = type.Plural,
                ["singularName"] = type.Singular,
                ["namespaced"] = type.Namespaced,
                ["kind"] = type.Kind,
                ["verbs"] = new JsonArray(type.Verbs.Select(verb => (JsonNode)verb).ToArray()),
                ["shortNames"] = new JsonArray(type.ShortNames.Select(name => (JsonNode)name).ToArray()),
                ["categories"] = new JsonArray(type.Categories.Select(category => (JsonNode)category).ToArray()),
            });
            if (type.HasStatusSubresource)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = $"{type.Plural}/status",
                    ["singularName"] = "",
                    ["namespaced"] = type.Namespaced,
                    ["kind"] = type.Kind,
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }
}
