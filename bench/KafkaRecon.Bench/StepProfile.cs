using System.Diagnostics;
using System.Globalization;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Operator.Engines.Embedded;
using KafkaRecon.Operator.Sql;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Bench;

/// <summary>
/// <c>profile RESOURCE</c>: runs the comparison steps one by one as the embedded engine does (views for the sides,
/// tables for shared steps, Parquet for outputs) and prints each step's seconds, to see where the transform's time goes.
/// </summary>
internal static class StepProfile
{
    public static async Task<int> RunAsync(string resourcePath, TextWriter output)
    {
        var spec = ResourceFile.Load(resourcePath).Spec;
        var scratch = Path.Combine(Path.GetTempPath(), "kafka-recon-profile-" + Guid.NewGuid().ToString("N"));
        using var session = DuckDbSession.Open(DuckDbSettings.From(spec.Transform, Path.Combine(scratch, "duckdb")));
        DuckDbManifestSource.Register(session, ComparisonSql.ImportRaw,
            BenchManifestFiles.Below(spec.Manifests.ImportLocation), "import", CancellationToken.None);
        DuckDbManifestSource.Register(session, ComparisonSql.ExportRaw,
            BenchManifestFiles.Below(spec.Manifests.ExportLocation), "export", CancellationToken.None);
        UnreadableLinesRelation.Register(session, null, CancellationToken.None);
        var parameters = ComparisonSql.Parameters(IdentifierQuoting.DoubleQuotes, spec.Window.Start!.Value, spec.Window.End!.Value, spec.Window.MarginMinutes, spec.Comparison.DatabaseNames);
        var total = Stopwatch.StartNew();
        foreach (var step in ComparisonSql.Steps)
        {
            var clock = Stopwatch.StartNew();
            // BENCH_SQL_DIR lets a candidate rewrite of a step be timed without rebuilding the operator.
            var candidate = Path.Combine(Environment.GetEnvironmentVariable("BENCH_SQL_DIR") ?? "", step.Name + ".sql");
            var select = File.Exists(candidate)
                ? SqlTemplate.Render(File.ReadAllText(candidate), parameters, candidate)
                : step.Render(parameters);
            var statement = DuckDbTransformer.Statement(step, select, scratch);
            session.Execute(statement, CancellationToken.None);
            foreach (var released in step.Releases)
            {
                session.Execute($"DROP TABLE IF EXISTS {released}", CancellationToken.None);
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step.Name,-24} {clock.Elapsed.TotalSeconds,7:0.00} s"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"total",-24} {total.Elapsed.TotalSeconds,7:0.00} s"));
        Directory.Delete(scratch, recursive: true);
        return 0;
    }
}
