using System.Text.RegularExpressions;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>
/// Database and table names that go into Athena SQL: validated against a strict pattern, then quoted, never
/// concatenated unchecked.
/// </summary>
internal static partial class AthenaIdentifier
{
    public static string Validate(string value, string field)
    {
        if (!Pattern().IsMatch(value))
        {
            throw new ArgumentException(
                $"{field} '{value}' is not a valid Athena identifier: expected lower-case letters, digits and " +
                "underscores, starting with a letter or underscore, at most 255 characters (^[a-z_][a-z0-9_]{0,254}$).");
        }
        return value;
    }

    /// <summary>Quoted for DDL (Hive syntax).</summary>
    public static string QuoteDdl(string value, string field) => $"`{Validate(value, field)}`";

    /// <summary>Quoted for queries (Trino syntax).</summary>
    public static string QuoteQuery(string value, string field) => $"\"{Validate(value, field)}\"";

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,254}$")]
    private static partial Regex Pattern();
}
