namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// What a merged manifest file's name says: its group, the orders of its first and last members, and how many
/// originals it was made from (so a re-run can tell whether deleting them had already begun).
/// </summary>
internal readonly record struct MergedKey(
    string Group, ManifestOrder First, ManifestOrder Last, int MemberCount, int? Partition);
