using System.Text.Json.Nodes;
using KafkaRecon.ApiServer.Json;

namespace KafkaRecon.ApiServer.Resources;

/// <summary>Turns <c>apiextensions.k8s.io/v1</c> CustomResourceDefinitions into served resource types.</summary>
internal static class CrdLoader
{
    public static IEnumerable<ResourceType> FromYaml(string yaml) =>
        YamlJson.ParseAll(yaml).OfType<JsonObject>().SelectMany(FromDefinition);

    public static IEnumerable<ResourceType> FromDefinition(JsonObject crd)
    {
        if (crd["kind"]?.GetValue<string>() != "CustomResourceDefinition")
        {
            throw new ArgumentException($"Expected a CustomResourceDefinition, found kind '{crd["kind"]}'.");
        }

        var spec = crd["spec"] as JsonObject ?? throw new ArgumentException("The CRD has no spec.");
        var names = spec["names"] as JsonObject ?? throw new ArgumentException("The CRD has no spec.names.");
        var group = Text(spec, "group");
        var plural = Text(names, "plural");
        var kind = Text(names, "kind");
        var namespaced = spec["scope"]?.GetValue<string>() != "Cluster";
        var versions = spec["versions"] as JsonArray ?? throw new ArgumentException("The CRD has no spec.versions.");

        foreach (var version in versions.OfType<JsonObject>().Where(v => v["served"]?.GetValue<bool>() ?? true))
        {
            var schema = version["schema"]?["openAPIV3Schema"] as JsonObject
                ?? throw new ArgumentException($"Version {version["name"]} of {plural}.{group} has no openAPIV3Schema.");
            yield return new ResourceType(
                Group: group,
                Version: Text(version, "name"),
                Plural: plural,
                Singular: names["singular"]?.GetValue<string>() ?? kind.ToLowerInvariant(),
                Kind: kind,
                Namespaced: namespaced,
                ShortNames: Strings(names["shortNames"]),
                Categories: Strings(names["categories"]),
                HasStatusSubresource: version["subresources"]?["status"] is not null,
                AllowUnconditionalUpdate: false,
                TracksGeneration: true,
                Schema: new CustomResourceSchema((JsonObject)schema.DeepClone()),
                PrinterColumns: version["additionalPrinterColumns"]?.DeepClone() as JsonArray ?? []);
        }
    }

    private static string Text(JsonObject obj, string name) =>
        obj[name]?.GetValue<string>() ?? throw new ArgumentException($"The CRD is missing '{name}'.");

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(item => item!.GetValue<string>()).ToList() : [];
}
