namespace KafkaRecon.Operator.Scheduling;

/// <summary>Where the resource template comes from: a file, or a key of a ConfigMap in the target namespace.</summary>
internal sealed record TemplateSource(string? FilePath, string? ConfigMapName, string ConfigMapKey)
{
    public const string DefaultConfigMapKey = "template.yaml";

    public string Describe(string @namespace) =>
        FilePath is not null ? $"template file '{FilePath}'" : $"ConfigMap {@namespace}/{ConfigMapName} key '{ConfigMapKey}'";

    public async Task<ResourceTemplate> LoadAsync(TemplateConfigMaps configMaps, string @namespace, CancellationToken ct)
    {
        string yaml;
        if (FilePath is not null)
        {
            if (!File.Exists(FilePath))
            {
                throw new ScheduleInputException($"--template '{FilePath}' does not exist.");
            }
            yaml = await File.ReadAllTextAsync(FilePath, ct);
        }
        else
        {
            yaml = await configMaps.ReadValueAsync(@namespace, ConfigMapName!, ConfigMapKey, ct);
        }
        return ResourceTemplate.Parse(yaml, Describe(@namespace));
    }
}
