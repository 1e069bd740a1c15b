using System.Text;
using System.Text.RegularExpressions;

namespace KafkaRecon.Operator.Sql;

/// <summary>
/// Renders the shared SQL text: replaces <c>{{name}}</c> placeholders with parameters that were validated when
/// they were added (integers, or identifiers quoted for the target engine). Nothing else is ever spliced in.
/// </summary>
internal static partial class SqlTemplate
{
    public static string Render(string sql, SqlParameters parameters, string source = "SQL")
    {
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var rendered = Placeholder().Replace(sql, match =>
        {
            var name = match.Groups["name"].Value;
            if (parameters.TryGet(name, out var value))
            {
                return value;
            }
            unknown.Add(name);
            return match.Value;
        });
        if (unknown.Count > 0)
        {
            throw new SqlTemplateException(
                $"{source} uses placeholder(s) {string.Join(", ", unknown.Select(n => "{{" + n + "}}"))} " +
                $"that have no value; known: {Describe(parameters.Names)}.");
        }
        var malformed = Malformed().Match(rendered);
        if (malformed.Success)
        {
            throw new SqlTemplateException(
                $"{source} has a malformed placeholder near '{malformed.Value}'; expected {{{{lower_snake_name}}}}.");
        }
        return rendered;
    }

    private static string Describe(IEnumerable<string> names)
    {
        var builder = new StringBuilder();
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            builder.Append(builder.Length == 0 ? "" : ", ").Append("{{").Append(name).Append("}}");
        }
        return builder.Length == 0 ? "none" : builder.ToString();
    }

    [GeneratedRegex(@"\{\{(?<name>[a-z][a-z0-9_]*)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{\{[^}]*\}?\}?", RegexOptions.CultureInvariant)]
    private static partial Regex Malformed();
}
