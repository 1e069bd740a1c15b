using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>A merged manifest file written by an earlier coalesce, with what its name says.</summary>
internal sealed record MergedFile(StoredObject Object, string Folder, MergedKey Key)
{
    public string Location => Object.Location;
}
