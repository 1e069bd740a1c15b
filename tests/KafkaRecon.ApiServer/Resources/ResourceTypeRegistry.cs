namespace KafkaRecon.ApiServer.Resources;

/// <summary>All served resource types, looked up by (group, version, plural) from a request path.</summary>
internal sealed class ResourceTypeRegistry
{
    private readonly List<ResourceType> _types = [];

    public ResourceTypeRegistry(IEnumerable<ResourceType> customTypes)
    {
        _types.AddRange(BuiltInResourceTypes.All);
        foreach (var type in customTypes)
        {
            if (Find(type.Group, type.Version, type.Plural) is not null)
            {
                throw new ArgumentException($"Resource {type.Plural}.{type.Group}/{type.Version} is defined twice.");
            }

            _types.Add(type);
        }
    }

    public IReadOnlyList<ResourceType> All => _types;

    public ResourceType? Find(string group, string version, string plural) =>
        _types.FirstOrDefault(type => type.Group == group && type.Version == version && type.Plural == plural);

    public IEnumerable<string> Groups => _types.Where(type => type.Group.Length > 0).Select(type => type.Group).Distinct();

    public IEnumerable<string> Versions(string group) => _types.Where(type => type.Group == group).Select(type => type.Version).Distinct();

    public IEnumerable<ResourceType> InGroupVersion(string group, string version) =>
        _types.Where(type => type.Group == group && type.Version == version);
}
