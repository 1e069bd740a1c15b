using KafkaRecon.Entities;
using KafkaRecon.Operator.Generation;

namespace KafkaRecon.Operator.Cli;

/// <summary>
/// <c>run --demo</c>: writes sample manifests whose answer is known (some records deliberately missing), reconciles
/// them, and checks every total against that answer. Exit 0 means the reconciliation found exactly what was planted.
/// </summary>
internal static class DemoRun
{
    /// <summary>Written into a demo folder the demo created; only such a folder is replaced without --force.</summary>
    public const string MarkerFile = ".kafka-recon-demo";

    public static async Task<int> ExecuteAsync(
        string folder, long records, bool force, LocalRunOptions options, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken)
    {
        if (!force && ForeignContent(folder) is { } foreign)
        {
            await stderr.WriteLineAsync(
                $"--demo-dir '{Path.GetFullPath(folder)}' holds '{foreign}', which an earlier demo did not create; the " +
                "demo replaces its import, export and output folders. Choose another folder, or pass --force to replace them.");
            return ExitCodes.InvalidInput;
        }
        await stderr.WriteLineAsync($"Generating {records:N0} sample records per side into {Path.GetFullPath(folder)} ...");
        var generated = new SampleDataGenerator().Generate(
            new GenerateOptions(folder, records, Seed: 7, MissingPercent: 0.5, GenerateOptions.DefaultDate, MarginMinutes: 0),
            replace: true, cancellationToken);
        if (generated.Error is { } error)
        {
            await stderr.WriteLineAsync(error);
            return ExitCodes.InvalidInput;
        }
        await File.WriteAllTextAsync(Path.Combine(folder, MarkerFile),
            "Created by 'kafka-recon run --demo'; the next demo run replaces this folder's import, export and output.\n",
            cancellationToken);
        var truth = generated.Truth!;
        var layout = new SampleLayout(folder);
        var resource = ResourceFile.Load(layout.ResourceFile);
        var finished = await LocalRunner.ExecuteAsync(resource, options, stdout, stderr, cancellationToken);

        var differences = Differences(finished.Status?.Results, truth);
        if (differences.Count > 0)
        {
            await stderr.WriteLineAsync("The reconciliation does NOT match the generated ground truth:");
            foreach (var difference in differences)
            {
                await stderr.WriteLineAsync($"  {difference}");
            }
            return ExitCodes.Error;
        }
        await stderr.WriteLineAsync(
            $"Demo passed: the run ended {finished.Status!.Phase} and found exactly the planted problems " +
            $"({truth.Totals.MissingExports} missing exports, {truth.Totals.MissingImports} missing imports, " +
            $"{truth.Totals.MismatchedTimestamps} mismatched timestamps, {truth.Totals.MissingCollections} missing " +
            $"collections, {truth.Totals.MissingDatabases} missing databases). Report: {finished.Status.Results!.ReportLocation}");
        return ExitCodes.Verified;
    }

    /// <summary>
    /// The first of the folders the demo replaces that holds something while the folder carries no
    /// <see cref="MarkerFile"/>; null when replacing deletes nothing the demo did not write.
    /// </summary>
    private static string? ForeignContent(string folder)
    {
        if (File.Exists(Path.Combine(folder, MarkerFile)))
        {
            return null;
        }
        var layout = new SampleLayout(folder);
        return new[] { layout.ImportRoot, layout.ExportRoot, layout.OutputRoot }
            .FirstOrDefault(path => Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any());
    }

    /// <summary>Each total of the run that differs from the generator's planted answer, described; none when all agree.</summary>
    internal static List<string> Differences(ReconciliationResults? actual, SampleTruth truth)
    {
        if (actual is null)
        {
            return ["the run produced no results"];
        }
        var expected = truth.Totals;
        var pairs = new (string Name, long Actual, long Expected)[]
        {
            ("imported", actual.Imported, expected.Imported),
            ("exported", actual.Exported, expected.Exported),
            ("missingExports", actual.MissingExports, expected.MissingExports),
            ("missingImports", actual.MissingImports, expected.MissingImports),
            ("mismatchedTimestamps", actual.MismatchedTimestamps, expected.MismatchedTimestamps),
            ("mismatchedEarlierInImport", actual.MismatchedEarlierInImport, expected.MismatchedEarlierInImport),
            ("mismatchedEarlierInExport", actual.MismatchedEarlierInExport, expected.MismatchedEarlierInExport),
            ("missingCollections", actual.MissingCollections, expected.MissingCollections),
            ("missingDatabases", actual.MissingDatabases, expected.MissingDatabases),
        };
        return pairs.Where(p => p.Actual != p.Expected)
            .Select(p => $"{p.Name}: reconciled {p.Actual}, expected {p.Expected}").ToList();
    }
}
