using System.Diagnostics;
using System.Globalization;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Operator.Engines.Embedded;
using KafkaRecon.Operator.Sql;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Bench;

/// <summary>
/// <c>script RESOURCE FILE</c>: registers the resource's raw manifests as the engine does, then runs the
/// <c>;</c>-separated statements of FILE (window parameters substituted) one by one and prints each one's seconds.
/// A statement starting with <c>SELECT</c> prints its first row, one starting with <c>EXPLAIN</c> its whole plan. For timing a restructured comparison before
/// changing the engine.
/// </summary>
internal static class ScriptProfile
{
    public static async Task<int> RunAsync(string resourcePath, string scriptPath, TextWriter output)
    {
        var spec = ResourceFile.Load(resourcePath).Spec;
        var scratch = Path.Combine(Path.GetTempPath(), "kafka-recon-script-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        using var session = DuckDbSession.Open(DuckDbSettings.From(spec.Transform, Path.Combine(scratch, "duckdb")));
        DuckDbManifestSource.Register(session, ComparisonSql.ImportRaw,
            BenchManifestFiles.Below(spec.Manifests.ImportLocation), "import", CancellationToken.None);
        DuckDbManifestSource.Register(session, ComparisonSql.ExportRaw,
            BenchManifestFiles.Below(spec.Manifests.ExportLocation), "export", CancellationToken.None);
        var parameters = ComparisonSql.Parameters(IdentifierQuoting.DoubleQuotes, spec.Window.Start!.Value, spec.Window.End!.Value, spec.Window.MarginMinutes, spec.Comparison.DatabaseNames);
        var script = SqlTemplate.Render(File.ReadAllText(scriptPath), parameters, scriptPath).Replace("{scratch}", scratch, StringComparison.Ordinal);
        var total = Stopwatch.StartNew();
        foreach (var statement in script.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var first = statement.Split('\n').Select(l => l.Trim()).First(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal));
            var row = "";
            if (first.StartsWith("EXPLAIN", StringComparison.OrdinalIgnoreCase))
            {
                // A plan is read whole: its rows are the plan's text.
                session.Query(statement, reader => output.WriteLine(reader.GetValue(reader.FieldCount - 1)), CancellationToken.None);
            }
            else if (first.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                session.Query(statement, reader =>
                {
                    if (row.Length == 0)
                    {
                        row = string.Join(",", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)));
                    }
                }, CancellationToken.None);
            }
            else
            {
                session.Execute(statement, CancellationToken.None);
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,7:0.00} s {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,7:0.00} cpu  {first[..Math.Min(first.Length, 70)]} {row}"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total.Elapsed.TotalSeconds,7:0.00} s  total"));
        Directory.Delete(scratch, recursive: true);
        return 0;
    }
}
