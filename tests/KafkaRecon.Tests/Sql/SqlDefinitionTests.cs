using System.Text.RegularExpressions;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Sql;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Tests.Sql;

/// <summary>The shared SQL files: complete query sets, exact names, only the four tables, portable constructs.</summary>
public sealed partial class SqlDefinitionTests
{
    private static readonly SqlParameters ReportParameters = ReportSql.Parameters(
        IdentifierQuoting.DoubleQuotes, table => table, 10, new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero));

    public static TheoryData<QuerySet> Sets => new(QuerySet.Main, QuerySet.Additional, QuerySet.Specific);

    [Fact]
    public void Main_set_has_the_eight_reference_queries_in_order() =>
        Assert.Equal(
        [
            "Missing exported databases", "Missing exported collections", "Export totals", "Import totals",
            "Missing exported totals", "Missing imported totals", "Missing exported id counts",
            "Mismatched timestamps count earlier in the export",
        ], ReportQueryCatalog.Load(QuerySet.Main).Select(query => query.Name));

    [Fact]
    public void Additional_set_has_the_ten_reference_queries_in_order() =>
        Assert.Equal(
        [
            "Missing imported databases", "Missing imported collections", "Missing imported id counts",
            "Missing imported ids", "Mismatched timestamps count earlier in the import", "Timestamps earlier in export",
            "Timestamps earlier in import", "Missing exported ids", "Import totals by collection",
            "Export totals by collection",
        ], ReportQueryCatalog.Load(QuerySet.Additional).Select(query => query.Name));

    [Fact]
    public void Specific_set_has_its_two_queries_numbered_one_and_two() =>
        Assert.Equal(
            ["1:Output missing exported ids after given timestamp", "2:Individual types totals"],
            ReportQueryCatalog.Load(QuerySet.Specific).Select(query => $"{query.Order}:{query.Name}"));

    [Fact]
    public void Main_show_column_names_follow_the_reference() =>
        Assert.Equal(
            [false, false, true, true, true, true, true, true],
            ReportQueryCatalog.Load(QuerySet.Main).Select(query => query.ShowColumnNames));

    [Fact]
    public void Selecting_a_set_twice_runs_it_once() =>
        Assert.Equal(8, ReportQueryCatalog.Select([QuerySet.Main, QuerySet.Main]).Count);

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_report_query_renders_and_reads_only_the_four_tables(QuerySet set)
    {
        foreach (var query in ReportQueryCatalog.Load(set))
        {
            var sql = query.Render(ReportParameters);
            var relations = Relation().Matches(sql).Select(match => match.Groups["name"].Value).ToHashSet();
            Assert.True(relations.IsSubsetOf(RunLayout.Tables.Select(table => $"\"{table}\"")),
                $"{query.SqlPath} reads {string.Join(", ", relations)}");
            Assert.Equal(set, query.Set);
            Assert.Equal(ReportQueryCatalog.SetName(set), (string?)query.Metadata["query_type"]);
        }
    }

    [Fact]
    public void Transform_steps_render_with_the_window_parameters_only()
    {
        var parameters = ComparisonSql.Parameters(
            IdentifierQuoting.DoubleQuotes, new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero), 15, DatabaseNames.AsIs);

        var sides = ComparisonSql.Steps.Where(step => step.Name is "import_classified" or "export_classified")
            .Select(step => step.Render(parameters)).ToList();

        // A line is outside the window before its start or at or after its end plus the margin.
        Assert.All(sides, sql => Assert.Contains("< 1709251200000", sql));
        Assert.All(sides, sql => Assert.Contains(">= 1709338500000", sql));
        Assert.All(ComparisonSql.Steps, step => step.Render(parameters));
    }

    [Fact]
    public void Summary_queries_render()
    {
        foreach (var path in new[] { ReportSql.SummaryTotals, ReportSql.SummaryCollections,
                     ReportSql.SummaryMissingCollections, ReportSql.SummaryMissingDatabases })
        {
            Assert.Contains("\"counts\"", ReportSql.Summary(path, ReportParameters));
        }
        foreach (var path in new[] { ReportSql.SummaryRejectedLines, ReportSql.SummaryRejectedSamples })
        {
            Assert.Contains("\"rejected_lines\"", ReportSql.Summary(path, ReportParameters));
        }
    }

    [Fact]
    public void Shared_sql_avoids_constructs_the_three_engines_disagree_on()
    {
        var files = SqlResources.List("transform").Concat(SqlResources.List("summary"))
            .Concat(new[] { "main", "additional", "specific" }.SelectMany(set => SqlResources.List($"queries/{set}")))
            .Where(path => path.EndsWith(".sql", StringComparison.Ordinal));

        foreach (var path in files)
        {
            var code = Comment().Replace(SqlResources.Read(path), "");
            Assert.DoesNotMatch(NonPortable(), code);
        }
    }

    // FROM/JOIN targets that are names rather than subqueries.
    [GeneratedRegex(@"\b(?:FROM|JOIN)\s+(?<name>[^\s(]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Relation();

    [GeneratedRegex("--[^\n]*")]
    private static partial Regex Comment();

    // DECIMAL division (DuckDB: DOUBLE; Trino: rounded), LEAST/GREATEST (NULL handling), QUALIFY (not in Trino),
    // COUNT_IF, '||' concatenation, DuckDB-only functions and double-quoted identifiers (Spark reads them as strings).
    [GeneratedRegex(@"\bDECIMAL\b|\bLEAST\b|\bGREATEST\b|\bQUALIFY\b|\bCOUNT_IF\b|\|\||\bARG_(MIN|MAX)\b|""", RegexOptions.IgnoreCase)]
    private static partial Regex NonPortable();
}
