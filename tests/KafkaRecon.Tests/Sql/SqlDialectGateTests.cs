using System.Text.Json;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Aws;
using KafkaRecon.Operator.Sql;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Aws;
using KafkaRecon.Tests.Crd;
using KafkaRecon.Tests.Engines.Aws;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.Sql;

/// <summary>
/// The SQL dialect gate: every statement as the engines render it parses with dt-sql-parser's grammars (Spark SQL
/// for what Glue runs, Trino for what Athena runs, Hive for Athena's DDL; the shared SQL also runs on DuckDB, so each
/// statement is held to both engines' grammars), and none holds a construct of <see cref="RefusedSqlConstructs"/>.
/// </summary>
[Trait("Category", "Slow")]
[Collection(MotoCollection.Name)]
public sealed class SqlDialectGateTests(MotoServer moto)
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Transform_steps_as_the_glue_script_renders_them_parse_as_spark_and_trino_sql()
    {
        var steps = await GlueRenderedStepsAsync();

        Assert.Equal(ComparisonSql.Steps.Count, steps.Count);
        await AssertParsesAsync(steps.Select(s => new Statement($"transform/{s.Name}", ["spark", "trino"], s.Sql)));
        Assert.All(steps, s => Assert.Empty(RefusedSqlConstructs.Violations(s.Sql, runsOnSpark: true)));
    }

    [Fact]
    public async Task Glue_reader_views_splitting_readable_from_unreadable_lines_parse_as_spark_sql()
    {
        var (exit, output) = await GlueScriptTests.RunAsync(
            "import json\n" +
            "print(json.dumps([etl.readable_sql('import_manifest_read'), etl.unreadable_sql('import', 'import_manifest_read')]))");
        Assert.True(exit == 0, output);
        var views = JsonSerializer.Deserialize<string[]>(output)!;

        await AssertParsesAsync(views.Select((sql, i) => new Statement($"glue-reader/{i}", ["spark"], sql)));
    }

    [Fact]
    public async Task Report_summary_and_ddl_as_the_athena_engine_renders_them_parse_as_trino_and_hive_sql()
    {
        var statements = await AthenaRenderedStatementsAsync();
        var ddl = statements.Where(s => s.StartsWith("CREATE EXTERNAL TABLE", StringComparison.Ordinal)).ToList();
        var queries = statements.Except(ddl).ToList();

        Assert.Equal(5, ddl.Count);
        // 8 main + 10 additional + 2 specific report queries, 9 summary queries (3 of them record samples).
        Assert.Equal(29, queries.Count);
        await AssertParsesAsync(
            ddl.Select((sql, i) => new Statement($"ddl/{i}", ["hive"], sql))
                .Concat(queries.Select((sql, i) => new Statement($"query/{i}", ["trino"], sql))));
        Assert.All(queries, sql => Assert.Empty(RefusedSqlConstructs.Violations(sql, runsOnSpark: false)));
    }

    [Fact]
    public async Task Gate_reports_a_statement_a_grammar_cannot_parse()
    {
        var result = await ParseAsync([
            new Statement("good", ["spark", "trino", "hive"], "SELECT a FROM t WHERE b = 1"),
            new Statement("bad", ["trino"], "SELECT a FROM t QUALIFY ROW_NUMBER() OVER (ORDER BY a) = 1"),
        ]);

        Assert.Equal(4, result.Checked);
        Assert.Equal("bad:trino", Assert.Single(result.Errors).Key);
    }

    [Theory]
    [InlineData("SELECT a / b FROM t", "division")]
    [InlineData("SELECT CAST(a AS DOUBLE) / 100 FROM t", "division")]
    [InlineData("SELECT a || b FROM t", "||")]
    [InlineData("SELECT GREATEST(a, b) FROM t", "LEAST / GREATEST")]
    [InlineData("SELECT c0 FROM raw WHERE c1 >= 1709251200000", "raw text column")]
    [InlineData("SELECT \"id\" FROM t", "double-quoted")]
    public void Refused_constructs_are_found(string sql, string expected) =>
        Assert.Contains(RefusedSqlConstructs.Violations(sql, runsOnSpark: true), v => v.Contains(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("SELECT CAST(a AS DOUBLE) * 100 / CAST(b AS DOUBLE) FROM t")]
    [InlineData("SELECT CONCAT(database, '.', collection) FROM t -- a / b || c")]
    [InlineData("SELECT 'a||b', '\"' FROM t WHERE TRY_CAST(c1 AS BIGINT) >= 5")]
    public void Portable_forms_pass(string sql) => Assert.Empty(RefusedSqlConstructs.Violations(sql, runsOnSpark: true));

    private static async Task<IReadOnlyList<(string Name, string Sql)>> GlueRenderedStepsAsync()
    {
        var folder = RepositoryRoot.File("src/Operator/Sql/transform");
        var (exit, output) = await GlueScriptTests.RunAsync(
            "import json\n" +
            $"texts = etl.load_sql('{folder}')\n" +
            "values = etl.placeholder_values({'window_start_ms': '1709251200000', 'margin_end_ms': '1709338500000', 'hyphenate_database_names': '1'})\n" +
            "print(json.dumps([[n, sql] for n, _, _, sql in etl.rendered_steps(texts, values)]))");
        Assert.True(exit == 0, output);
        return JsonSerializer.Deserialize<string[][]>(output)!.Select(s => (s[0], s[1])).ToList();
    }

    /// <summary>Every QueryString the Athena query runner sends, all three report sets selected.</summary>
    private async Task<IReadOnlyList<string>> AthenaRenderedStatementsAsync()
    {
        await moto.ResetAsync();
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        using var proxied = moto.Clients(proxy.Endpoint);
        var spec = AwsPhaseContexts.Spec(bucket);
        spec.Query.Database = "manifestetl";
        spec.Query.Sets = [QuerySet.Main, QuerySet.Additional, QuerySet.Specific];
        spec.Query.MaxConcurrentQueries = 100;
        var context = AwsPhaseContexts.Create(spec, "query");
        var runner = new AthenaQueryRunner(proxied.Athena, new S3ObjectStore(proxied.S3), TimeProvider.System);

        var observation = await runner.StartAsync(context, CancellationToken.None);
        for (var i = 0; i < 20 && observation.State == ObservedState.Running; i++)
        {
            observation = await runner.PollAsync(context with { ExternalIds = observation.ExternalIds }, CancellationToken.None);
        }

        return proxy.Requests.Where(r => r.Operation == "StartQueryExecution")
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("QueryString").GetString()!)
            .Distinct()
            .ToList();
    }

    private static async Task AssertParsesAsync(IEnumerable<Statement> statements)
    {
        var list = statements.ToList();
        var result = await ParseAsync(list);

        Assert.Equal(list.Sum(s => s.Grammars.Length), result.Checked);
        Assert.True(result.Errors.Count == 0,
            string.Join("\n", result.Errors.Select(e => $"{e.Key}: {e.Value}")));
    }

    private static async Task<(int Checked, IReadOnlyDictionary<string, string> Errors)> ParseAsync(IReadOnlyList<Statement> statements)
    {
        var input = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(input, JsonSerializer.Serialize(statements.Select(s => new { name = s.Name, grammars = s.Grammars, sql = s.Sql })));
            var (exit, output) = await RepositoryScript.RunAsync("tests/sql-dialect/check.sh", ScriptTimeout, input);
            Assert.True(exit == 0, output);
            using var document = JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.StartsWith('{')));
            var errors = document.RootElement.GetProperty("errors").EnumerateArray()
                .GroupBy(e => $"{e.GetProperty("name").GetString()}:{e.GetProperty("grammar").GetString()}")
                .ToDictionary(g => g.Key, g => string.Join("; ", g.Select(e => e.GetProperty("message").GetString())));
            return (document.RootElement.GetProperty("checked").GetInt32(), errors);
        }
        finally
        {
            File.Delete(input);
        }
    }

    private sealed record Statement(string Name, string[] Grammars, string Sql);
}
