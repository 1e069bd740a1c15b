using System.Text.RegularExpressions;

namespace KafkaRecon.Tests.Sql;

/// <summary>
/// Constructs that parse in every grammar but mean different things in DuckDB, Spark and Trino. Kept small: each
/// one is a difference the shared SQL could plausibly fall into. Checked on rendered statements, without comments
/// and string literals.
/// </summary>
internal static partial class RefusedSqlConstructs
{
    public static IReadOnlyList<(string Name, string Why, Regex Pattern, bool SparkOnly)> All { get; } =
    [
        ("division without a DOUBLE divisor",
            "Trino divides integers as integers (7 / 2 = 3); DuckDB and Spark return 3.5. Divide by CAST(… AS DOUBLE).",
            Division(), false),
        ("|| concatenation",
            "Spark without ANSI mode and Trino give NULL for a NULL operand, and Spark's || also concatenates arrays; " +
            "use CONCAT over COALESCEd values.",
            Concatenation(), false),
        ("LEAST / GREATEST",
            "Spark skips NULL arguments, Trino and DuckDB return NULL.",
            LeastGreatest(), false),
        ("raw text column compared with a number",
            "An implicit cast: Spark casts the text (NULL when it is not a number), DuckDB fails the query on bad text, " +
            "Trino refuses to compare varchar with a number. Compare TRY_CAST(c AS BIGINT).",
            RawColumnNumberComparison(), false),
        ("double-quoted identifier in Spark SQL",
            "Spark reads \"x\" as the string 'x', not the column x; Spark statements quote with backticks.",
            DoubleQuote(), true),
    ];

    /// <summary>The statement with comments and the contents of '…' literals removed.</summary>
    public static string Code(string sql) => StringLiteral().Replace(LineComment().Replace(sql, ""), "''");

    public static IEnumerable<string> Violations(string sql, bool runsOnSpark)
    {
        var code = Code(sql);
        return All.Where(c => (runsOnSpark || !c.SparkOnly) && c.Pattern.IsMatch(code)).Select(c => $"{c.Name}: {c.Why}");
    }

    [GeneratedRegex(@"/(?!\s*CAST\s*\([^()]*\bAS\s+DOUBLE\s*\))", RegexOptions.IgnoreCase)]
    private static partial Regex Division();

    [GeneratedRegex(@"\|\|")]
    private static partial Regex Concatenation();

    [GeneratedRegex(@"\b(LEAST|GREATEST)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex LeastGreatest();

    [GeneratedRegex(@"\bc[0-7]\s*(=|<>|!=|<=|>=|<|>)\s*[-+]?\d|\d\s*(=|<>|!=|<=|>=|<|>)\s*c[0-7]\b", RegexOptions.IgnoreCase)]
    private static partial Regex RawColumnNumberComparison();

    [GeneratedRegex("\"")]
    private static partial Regex DoubleQuote();

    [GeneratedRegex("--[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex("'(?:[^']|'')*'")]
    private static partial Regex StringLiteral();
}
