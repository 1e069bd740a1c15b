using System.Text.RegularExpressions;

namespace KafkaRecon.Tests.Monitoring;

/// <summary>
/// The metric names a PromQL expression selects: identifiers left after removing strings, label matchers, ranges,
/// grouping clauses and template variables, minus function calls and keywords.
/// </summary>
internal static partial class PromQlMetricNames
{
    private static readonly HashSet<string> Keywords =
        ["and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan"];

    public static IReadOnlySet<string> Extract(string expression)
    {
        var text = Strings().Replace(expression, " ");
        text = Variables().Replace(text, " ");
        text = Matchers().Replace(text, " ");
        text = Ranges().Replace(text, " ");
        text = Grouping().Replace(text, " ");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Identifier().Matches(text))
        {
            var rest = text[(m.Index + m.Length)..].TrimStart();
            var before = m.Index > 0 ? text[m.Index - 1] : ' ';
            if (rest.StartsWith('(') || Keywords.Contains(m.Value) || char.IsDigit(before) || before == '.')
            {
                continue;
            }
            names.Add(m.Value);
        }
        return names;
    }

    [GeneratedRegex("""("(\\.|[^"\\])*"|'(\\.|[^'\\])*'|`[^`]*`)""")]
    private static partial Regex Strings();

    [GeneratedRegex(@"\$\{[^}]*\}|\$\w+")]
    private static partial Regex Variables();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();
}
