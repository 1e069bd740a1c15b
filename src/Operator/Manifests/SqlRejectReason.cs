namespace KafkaRecon.Operator.Manifests;

/// <summary>
/// The reasons rejected_lines.sql gives a line it rejects, checked again in C# for a line found by its sample: a
/// sample is cut to 200 characters, so a good line sharing its first 200 characters must not be taken for it.
/// </summary>
internal static class SqlRejectReason
{
    /// <summary>True when <paramref name="fields"/> (eight) would be rejected with <paramref name="reason"/>.</summary>
    public static bool Holds(string side, string reason, IReadOnlyList<string> fields) => reason switch
    {
        "bad_field_count" => fields.Any(field => field.AsSpan().IndexOfAny('\n', '\r') >= 0),
        "bad_timestamp" => !IsCanonical(fields[1]),
        "empty_id" => fields[side == "export" ? 6 : 0].Length == 0,
        "empty_database" => fields[2].Length == 0,
        "empty_collection" => fields[3].Length == 0,
        _ => false,
    };

    /// <summary>Digits only, no leading zero (but "0"), within a signed 64-bit integer: the SQL's round trip.</summary>
    private static bool IsCanonical(string text) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && (text == "0" || text[0] != '0')
        && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);
}
