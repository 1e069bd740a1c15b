using System.Diagnostics;
using KafkaRecon.Operator.Engines.Aws;
using KafkaRecon.Operator.Sql;

namespace KafkaRecon.Tests.Engines.Aws;

/// <summary>
/// The Glue script cannot run here (no Spark); it is compiled, and its pure functions are exercised with python3.
/// </summary>
[Trait("Category", "Slow")]
public sealed class GlueScriptTests
{
    private static readonly string Script = Path.Combine(RepositoryRoot(), "infra", "terraform", "glue", "kafka_recon_etl.py");

    [Fact]
    public async Task Glue_script_compiles()
    {
        var (exitCode, output) = await PythonAsync("-m", "py_compile", Script);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Glue_script_reads_every_argument_the_transformer_passes()
    {
        var (exitCode, output) = await RunAsync("print(' '.join('--' + a for a in etl.ARGUMENTS))");

        Assert.True(exitCode == 0, output);
        var names = output.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Subset(names.ToHashSet(), new HashSet<string>
        {
            GlueArguments.IdempotencyKey, GlueArguments.RunId, GlueArguments.WindowStartMs, GlueArguments.WindowEndMs,
            GlueArguments.MarginEndMs, GlueArguments.ImportLocation, GlueArguments.ExportLocation,
            GlueArguments.OutputLocation,
        });
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
    public async Task Glue_script_finds_every_step_file_and_renders_the_window_end_with_the_margin()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Operator", "Sql", "transform");
        var (exitCode, output) = await RunAsync(
            $"folder = etl.sql_folder('/nowhere', {PythonString(folder)})\n" +
            "values = etl.placeholder_values({'window_start_ms': '1000', 'window_end_ms': '2000', 'margin_end_ms': '2600'})\n" +
            "print(etl.step_sql(folder, 'import_side', values))");

        Assert.True(exitCode == 0, output);
        Assert.Contains("1000", output);
        Assert.Contains("2600", output);
        Assert.DoesNotContain("{{", output);
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

    private static Task<(int, string)> RunAsync(string code) => PythonAsync(
        "-c",
        "import importlib.util, sys\n" +
        $"spec = importlib.util.spec_from_file_location('etl', {PythonString(Script)})\n" +
        "etl = importlib.util.module_from_spec(spec)\nspec.loader.exec_module(etl)\n" + code);

    private static string PythonString(string value) => "'" + value.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    private static async Task<(int, string)> PythonAsync(params string[] arguments)
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
