namespace KafkaRecon.Tests.Generation;

/// <summary>One manifest row as the comparison reads it (docs/comparison-semantics.md, Inputs).</summary>
internal sealed record ManifestRow(string Id, long Timestamp, string Database, string Collection, string Source, string Component, string Type)
{
    public (string, string, string) Key => (Database, Collection, Id);
}
