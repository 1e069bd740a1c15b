using System.Text;

namespace KafkaRecon.Operator.Generation;

/// <summary>A collection's constant pieces of every manifest line, already CSV-encoded as UTF-8.</summary>
internal sealed class CollectionLineParts
{
    public CollectionLineParts(SampleCollection collection, long seed)
    {
        var database = SampleCsv.Field(collection.Database);
        var name = SampleCsv.Field(collection.Collection);
        ImportMiddle = Encoding.UTF8.GetBytes($"|{database}|{name}|STREAMED|K2HB|");
        ExportMiddle = Encoding.UTF8.GetBytes($"|{database}|{name}|EXPORT|");
        // ObjectIds start with a creation time; one per collection keeps ids realistic and the rest unique.
        IdPrefix = 0x5F000000u | (uint)(SampleHash.Of(seed, collection.Index, 7) & 0x00FFFFFF);
        IdKey = SampleHash.Of(seed, 0, 11);
    }

    /// <summary><c>|database|collection|STREAMED|K2HB|</c></summary>
    public byte[] ImportMiddle { get; }

    /// <summary><c>|database|collection|EXPORT|</c></summary>
    public byte[] ExportMiddle { get; }

    public uint IdPrefix { get; }

    /// <summary>Added to the record number before mixing; mixing is a bijection, so distinct records get distinct ids.</summary>
    public ulong IdKey { get; }
}
