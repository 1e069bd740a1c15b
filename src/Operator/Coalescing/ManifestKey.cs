namespace KafkaRecon.Operator.Coalescing;

/// <summary>What an original manifest file's name says: its group within a folder, its order, its partition.</summary>
internal readonly record struct ManifestKey(string Group, ManifestOrder Order, int? Partition);
