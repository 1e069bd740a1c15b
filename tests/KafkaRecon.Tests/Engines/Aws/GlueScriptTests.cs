using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using KafkaRecon.Operator.Engines.Aws;
using KafkaRecon.Operator.Sql;

namespace KafkaRecon.Tests.Engines.Aws;

/// <summary>
/// The Glue script cannot run here (no Spark); it is compiled, its pure functions are exercised with python3, and its
/// Spark calls are recorded against a fake SparkSession (Scripts/fake_spark.py).
/// </summary>
[Trait("Category", "Slow")]
public sealed class GlueScriptTests
{
    private static readonly string Script = Path.Combine(RepositoryRoot(), "infra", "terraform", "glue", "kafka_recon_etl.py");
    private static readonly string FakeSpark = Path.Combine(
        RepositoryRoot(), "tests", "KafkaRecon.Tests", "Engines", "Aws", "Scripts", "fake_spark.py");
    private static readonly string TransformFolder = Path.Combine(RepositoryRoot(), "src", "Operator", "Sql", "transform");

    [Fact]
    public async Task Glue_script_compiles()
    {
        var (exitCode, output) = await PythonAsync("-m", "py_compile", Script);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Glue_script_reads_exactly_the_arguments_the_transformer_and_the_job_definition_pass()
    {
        var (exitCode, output) = await RunAsync("print(' '.join('--' + a for a in etl.ARGUMENTS))");

        Assert.True(exitCode == 0, output);
        var names = output.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // --JOB_NAME comes from Glue itself, --sql_dir from the Terraform job definition.
        Assert.Equal(
            new[]
            {
                "--JOB_NAME", GlueArguments.IdempotencyKey, GlueArguments.RunId, GlueArguments.WindowStartMs,
                GlueArguments.MarginEndMs, GlueArguments.ImportLocation, GlueArguments.ExportLocation,
                GlueArguments.OutputLocation, GlueArguments.ImportList, GlueArguments.ExportList,
                GlueArguments.HyphenateDatabaseNames, "--sql_dir",
            }.Order(),
            names.Order());
        Assert.Equal(
            names.Except(["--JOB_NAME", "--sql_dir"]).Order(),
            GlueArguments.For(AwsPhaseContexts.Create(AwsPhaseContexts.Spec("bucket"), "transform")).Keys.Order());
    }

    [Fact]
    public async Task Glue_script_runs_the_transform_steps_in_the_order_and_kinds_of_ComparisonSql()
    {
        var (exitCode, output) = await RunAsync("print(';'.join('%s:%s:%s' % (n, k, ','.join(r)) for n, k, r in etl.STEPS))");

        Assert.True(exitCode == 0, output);
        var expected = string.Join(';', ComparisonSql.Steps.Select(s =>
            $"{s.Name}:{s.Kind.ToString().ToLowerInvariant()}:{string.Join(',', s.Releases)}"));
        Assert.Equal(expected, output.Trim());
    }

    [Fact]
    public async Task Glue_script_reads_every_step_file_from_sql_dir_and_renders_the_window_end_with_the_margin()
    {
        var (exitCode, output) = await RunAsync(
            $"texts = etl.load_sql({PythonString(TransformFolder + "/")})\n" +
            "values = etl.placeholder_values({'window_start_ms': '1000', 'margin_end_ms': '2600', 'hyphenate_database_names': '0'})\n" +
            "print(dict((s[0], s[3]) for s in etl.rendered_steps(texts, values))['import_classified'])");

        Assert.True(exitCode == 0, output);
        Assert.Contains("< 1000", output);
        Assert.Contains(">= 2600", output);
        Assert.DoesNotContain("{{", output);
    }

    [Fact]
    public async Task Missing_step_file_under_sql_dir_fails_before_any_spark_work_naming_the_file()
    {
        var (exitCode, output) = await RunAsync(
            "try:\n    etl.load_sql('/nowhere/sql')\nexcept FileNotFoundError as e:\n    print('error:', e)");

        Assert.True(exitCode == 0, output);
        Assert.Contains("error: The transform SQL file /nowhere/sql/import_classified.sql (--sql_dir /nowhere/sql)", output);
    }

    [Fact]
    public async Task Shared_steps_are_materialised_once_before_use_and_released_only_after_their_last_reader()
    {
        var (exitCode, output) = await PythonAsync(FakeSpark, Script, "steps", TransformFolder);

        Assert.True(exitCode == 0, output);
        using var document = JsonDocument.Parse(output);
        var steps = document.RootElement.GetProperty("steps").EnumerateArray()
            .Select(s => (Name: s[0].GetString()!, Kind: s[1].GetString()!, Sql: s[2].GetString()!)).ToList();
        var events = document.RootElement.GetProperty("events").EnumerateArray()
            .Select(e => $"{e[0].GetString()}:{e[1].GetString()}").ToList();
        Assert.Equal(ComparisonSql.Steps.Select(s => s.Name), steps.Select(s => s.Name));
        foreach (var (name, kind, _) in steps)
        {
            var issued = events.IndexOf($"sql:{name}");
            if (kind == "view")
            {
                // A view is read afresh by each reader: never persisted, counted or written.
                Assert.True(issued >= 0, name);
                Assert.DoesNotContain(events, e => e.EndsWith($":{name}", StringComparison.Ordinal) && !e.StartsWith("sql:", StringComparison.Ordinal) && !e.StartsWith("view:", StringComparison.Ordinal));
                continue;
            }
            var done = kind == "shared" ? events.IndexOf($"count:{name}") : events.IndexOf($"parquet:{name}");
            Assert.True(issued >= 0 && done > issued, $"{name} is never materialised: {string.Join(' ', events)}");
            // Materialised before the next step is even planned: no later action recomputes it from the raw text.
            var next = events.FindIndex(issued + 1, e => e.StartsWith("sql:", StringComparison.Ordinal));
            Assert.True(next < 0 || done < next, $"{name} is materialised only after a later step: {string.Join(' ', events)}");
            if (kind != "shared")
            {
                continue;
            }
            Assert.True(events.IndexOf($"persist:{name}") is var persisted && persisted > issued && persisted < done, name);
            var released = events.IndexOf($"unpersist:{name}");
            Assert.True(released > done, $"{name} is never released");
            Assert.Single(events, e => e == $"unpersist:{name}");
            foreach (var reader in steps.Where(s => Regex.IsMatch(s.Sql, $@"\b{name}\b") && s.Name != name))
            {
                var readerDone = Math.Max(events.IndexOf($"count:{reader.Name}"), events.IndexOf($"parquet:{reader.Name}"));
                Assert.True(readerDone < released, $"{name} is released before {reader.Name}, which reads it, is materialised");
            }
        }
    }

    [Theory]
    [InlineData("s3://bucket/import/k2hb_1.txt,s3://bucket/import/k2hb_2.txt", "raw")]
    [InlineData("", "empty")]
    public async Task Manifests_are_read_like_the_embedded_engine_and_an_empty_input_list_is_an_empty_side(
        string files, string frame)
    {
        var (exitCode, output) = await PythonAsync(FakeSpark, Script, "read", files, "0");

        Assert.True(exitCode == 0, output);
        using var document = JsonDocument.Parse(output);
        var events = document.RootElement.GetProperty("events").EnumerateArray().ToList();
        var options = events.Where(e => e[0].GetString() == "option")
            .GroupBy(e => e[1].GetString()!).ToDictionary(g => g.Key, g => g.Last()[2].GetString());
        Assert.Equal("|", options["sep"]);
        Assert.Equal("\"", options["quote"]);
        Assert.Equal("\"", options["escape"]);
        Assert.Equal("false", options["header"]);
        // A line Spark cannot split into eight fields is kept aside in _corrupt_record: neither a failed job nor a
        // padded or cut record (docs/comparison-semantics.md, "Rejected lines").
        Assert.Equal("PERMISSIVE", options["mode"]);
        Assert.Equal("_corrupt_record", options["columnNameOfCorruptRecord"]);
        // Without this, Spark checks the field count of only the fields a query reads.
        Assert.Contains(events, e =>
            e[0].GetString() == "conf" && e[1].GetString() == "spark.sql.csv.parser.columnPruning.enabled"
            && e[2].GetString() == "false");
        // rejected_lines.sql names each rejected line's file, as DuckDB's filename column does; an empty side has
        // the column too.
        Assert.Contains(events, e => frame == "raw"
            ? e[0].GetString() == "withColumn" && e[2].GetString() == "file" && e[3].GetString() == "input_file_name()"
            : e[0].GetString() == "empty" && e[2].EnumerateArray().Any(name => name.GetString() == "file"));
        var views = events.Where(e => e[0].GetString() == "view").ToDictionary(e => e[2].GetString()!, e => e[1].GetString()!);
        Assert.Contains("_corrupt_record IS NULL", views[ComparisonSql.ImportRaw]);
        Assert.Contains("_corrupt_record IS NULL", views[ComparisonSql.ExportRaw]);
        Assert.Contains("'bad_field_count'", views[ComparisonSql.UnreadableLines]);
        Assert.Contains("'not_utf8'", views[ComparisonSql.UnreadableLines]);
        Assert.Contains("\ufffd", views[ComparisonSql.UnreadableLines]);
    }

    [Fact]
    public async Task Glue_script_reads_the_files_of_the_operators_input_list_and_no_other()
    {
        var (exitCode, output) = await RunAsync(
            "lists = {'s3://b/runs/r/inputs/import.list': 's3://b/i/a.txt\\n\\ns3://b/i/b.txt\\n'}\n" +
            "print('|'.join(etl.listed_files('s3://b/runs/r/inputs/import.list', read=lists.__getitem__)))");

        Assert.True(exitCode == 0, output);
        Assert.Equal("s3://b/i/a.txt|s3://b/i/b.txt", output.Trim());
    }

    [Fact]
    public async Task Statements_are_split_outside_quotes_and_comments()
    {
        var (exitCode, output) = await RunAsync(
            "import json\nprint(json.dumps(etl.split_statements(\"SELECT 'a;b' AS x; -- note; here\\nSELECT 2;; /* c;d */ SELECT \\\"e;f\\\"\")))");

        Assert.True(exitCode == 0, output);
        Assert.Equal("""["SELECT 'a;b' AS x", "SELECT 2", "SELECT \"e;f\""]""", output.Trim());
    }

    [Fact]
    public async Task Unknown_placeholder_is_an_error_not_left_in_the_sql()
    {
        var (exitCode, output) = await RunAsync(
            "print(etl.render('WHERE ts < {{ margin_end_ms }}', {'margin_end_ms': '5'}))\n" +
            "try:\n    etl.render('{{nope}}', {})\nexcept ValueError as e:\n    print('error:', e)");

        Assert.True(exitCode == 0, output);
        Assert.Contains("WHERE ts < 5", output);
        Assert.Contains("error: SQL placeholder {{nope}} has no value", output);
    }

    internal static Task<(int, string)> RunAsync(string code) => PythonAsync(
        "-c",
        "import importlib.util, sys\n" +
        $"spec = importlib.util.spec_from_file_location('etl', {PythonString(Script)})\n" +
        "etl = importlib.util.module_from_spec(spec)\nspec.loader.exec_module(etl)\n" + code);

    private static string PythonString(string value) => "'" + value.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    internal static async Task<(int, string)> PythonAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("python3", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "KafkaRecon.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("KafkaRecon.sln not found above the test folder.");
    }
}
