namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>DuckDB string literals for values the engine itself supplies (file paths), never for user SQL.</summary>
internal static class DuckDbLiteral
{
    public static string String(string value)
    {
        if (value.Contains('\0'))
        {
            throw new ArgumentException($"A NUL character cannot appear in a DuckDB literal: '{value.Replace("\0", "\\0")}'.");
        }
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(String)) + "]";
}
