using KafkaRecon.Operator.Sql;

namespace KafkaRecon.Tests.Sql;

public sealed class SqlTemplateTests
{
    private static readonly SqlParameters DoubleQuoted = new SqlParameters(IdentifierQuoting.DoubleQuotes)
        .WithInteger("count_of_ids", 10)
        .WithIdentifier("counts_table", "manifestetl.manifest_counts_parquet");

    [Fact]
    public void Integers_and_quoted_identifiers_are_substituted() =>
        Assert.Equal(
            "SELECT * FROM \"manifestetl\".\"manifest_counts_parquet\" LIMIT 10",
            SqlTemplate.Render("SELECT * FROM {{counts_table}} LIMIT {{count_of_ids}}", DoubleQuoted));

    [Fact]
    public void Spark_identifiers_are_quoted_with_backticks() =>
        Assert.Equal(
            "FROM `counts`",
            SqlTemplate.Render("FROM {{t}}", new SqlParameters(IdentifierQuoting.Backticks).WithIdentifier("t", "counts")));

    [Fact]
    public void Negative_integers_render_plainly() =>
        Assert.Equal("x >= -5", SqlTemplate.Render("x >= {{n}}", new SqlParameters(IdentifierQuoting.DoubleQuotes).WithInteger("n", -5)));

    [Theory]
    [InlineData("counts\"; DROP TABLE x; --")]
    [InlineData("counts table")]
    [InlineData("1counts")]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("a.b.c.d")]
    [InlineData("counts`")]
    [InlineData("tâble")]
    public void Bad_identifiers_are_rejected(string identifier)
    {
        var error = Assert.Throws<SqlTemplateException>(
            () => new SqlParameters(IdentifierQuoting.DoubleQuotes).WithIdentifier("counts_table", identifier));

        Assert.Contains("counts_table", error.Message);
    }

    [Fact]
    public void Unknown_placeholders_fail_naming_them_and_the_known_ones()
    {
        var error = Assert.Throws<SqlTemplateException>(
            () => SqlTemplate.Render("SELECT {{missing_one}} FROM {{counts_table}}", DoubleQuoted, "queries/x.sql"));

        Assert.Contains("queries/x.sql", error.Message);
        Assert.Contains("{{missing_one}}", error.Message);
        Assert.Contains("{{counts_table}}", error.Message);
    }

    [Theory]
    [InlineData("SELECT {{Counts}}")]
    [InlineData("SELECT {{ counts_table }}")]
    [InlineData("SELECT {{counts_table}")]
    public void Malformed_placeholders_fail(string sql) =>
        Assert.Throws<SqlTemplateException>(() => SqlTemplate.Render(sql, DoubleQuoted));

    [Fact]
    public void Parameter_names_must_be_lower_snake_case() =>
        Assert.Throws<SqlTemplateException>(() => new SqlParameters(IdentifierQuoting.DoubleQuotes).WithInteger("Bad-Name", 1));
}
