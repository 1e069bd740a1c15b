using System.Globalization;
using System.Text.RegularExpressions;

namespace KafkaRecon.Operator.Sql;

/// <summary>
/// Values for <see cref="SqlTemplate"/>: only integers and identifiers (optionally qualified, <c>db.table</c>), each
/// identifier part matching <c>[A-Za-z_][A-Za-z0-9_]{0,127}</c> and rendered quoted. Immutable; each With returns a copy.
/// </summary>
internal sealed partial class SqlParameters
{
    private readonly IReadOnlyDictionary<string, string> values;

    public SqlParameters(IdentifierQuoting quoting)
        : this(quoting, new Dictionary<string, string>(StringComparer.Ordinal))
    {
    }

    private SqlParameters(IdentifierQuoting quoting, IReadOnlyDictionary<string, string> values)
    {
        Quoting = quoting;
        this.values = values;
    }

    public IdentifierQuoting Quoting { get; }

    public IEnumerable<string> Names => values.Keys;

    public bool TryGet(string name, out string value) => values.TryGetValue(name, out value!);

    public SqlParameters WithInteger(string name, long value) =>
        With(name, value.ToString(CultureInfo.InvariantCulture));

    public SqlParameters WithIdentifier(string name, string identifier)
    {
        var parts = identifier.Split('.');
        if (parts.Length > 3 || parts.Any(part => !IdentifierPart().IsMatch(part)))
        {
            throw new SqlTemplateException(
                $"Identifier '{identifier}' for {{{{{name}}}}} is not allowed: expected one to three dot-separated " +
                "parts, each a letter or underscore followed by up to 127 letters, digits or underscores.");
        }
        return With(name, string.Join('.', parts.Select(Quote)));
    }

    private string Quote(string part) => Quoting == IdentifierQuoting.Backticks ? $"`{part}`" : $"\"{part}\"";

    private SqlParameters With(string name, string rendered)
    {
        if (!ParameterName().IsMatch(name))
        {
            throw new SqlTemplateException($"Parameter name '{name}' is not lower_snake_case.");
        }
        var copy = new Dictionary<string, string>(values, StringComparer.Ordinal) { [name] = rendered };
        return new SqlParameters(Quoting, copy);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPart();

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}
