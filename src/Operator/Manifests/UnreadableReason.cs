namespace KafkaRecon.Operator.Manifests;

/// <summary>
/// Why a reader could not turn a line into a raw row (docs/comparison-semantics.md, "Rejected lines"); the reasons
/// the shared SQL gives (bad_timestamp, empty_id, ...) are in <c>Sql/transform/rejected_lines.sql</c>.
/// </summary>
internal static class UnreadableReason
{
    /// <summary>Not exactly eight <c>|</c>-separated fields, a quote never closed, or text after a closing quote.</summary>
    public const string BadFieldCount = "bad_field_count";

    /// <summary>Eight fields, but bytes that are not UTF-8.</summary>
    public const string NotUtf8 = "not_utf8";

    public static bool IsReaderReason(string reason) => reason is BadFieldCount or NotUtf8;
}
