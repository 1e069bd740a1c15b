using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>An original manifest file as listed, with what its name says.</summary>
internal sealed record ManifestFile(StoredObject Object, string Folder, ManifestKey Key)
{
    public string Location => Object.Location;
}
