using System.Text.RegularExpressions;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>Fills <c>{{name}}</c> placeholders; an unknown placeholder is an error, never left in the SQL.</summary>
internal static partial class SqlPlaceholders
{
    public static string Render(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : throw new ArgumentException(
                $"SQL placeholder '{match.Value}' has no value; known: {string.Join(", ", values.Keys.Order())}."));

    [GeneratedRegex(@"\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
