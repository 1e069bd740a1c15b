using System.Text.Json.Nodes;

namespace KafkaRecon.ApiServer.Resources;

/// <summary>One served resource (group, version, plural) and the rules its writes follow.</summary>
internal sealed record ResourceType(
    string Group,
    string Version,
    string Plural,
    string Singular,
    string Kind,
    bool Namespaced,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<string> Categories,
    bool HasStatusSubresource,
    bool AllowUnconditionalUpdate,
    bool TracksGeneration,
    CustomResourceSchema? Schema,
    JsonArray PrinterColumns)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    /// <summary>Storage identity: all versions of a group/resource share one set of objects.</summary>
    public string StorageKey => $"{Group}/{Plural}";

    public bool IsCustom => Schema is not null;

    public IReadOnlyList<string> Verbs =>
        ["create", "delete", "get", "list", "patch", "update", "watch"];
}
