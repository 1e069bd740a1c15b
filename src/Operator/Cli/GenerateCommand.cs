using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using KafkaRecon.Operator.Generation;

namespace KafkaRecon.Operator.Cli;

/// <summary>
/// <c>kafka-recon generate</c>: writes a sample day of manifests with known differences, <c>truth.json</c> and a ready
/// <c>reconciliation.yaml</c>. Exit 0 when written, 2 for invalid options.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = "Folder to write into: import/, export/, truth.json, reconciliation.yaml (output/ is the run's).",
            Required = true,
        };
        var records = new Option<long>("--records")
        {
            Description = "Distinct records (ids) over all collections; each side holds about this many lines.",
            DefaultValueFactory = _ => 100_000,
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Same seed, same files and truth.",
            DefaultValueFactory = _ => 1,
        };
        var missingPercent = new Option<double>("--missing-percent")
        {
            Description = "Percent of records missing from one side (three quarters from the export, a quarter from the import).",
            DefaultValueFactory = _ => 1,
        };
        var date = new Option<string?>("--date")
        {
            Description = "The reconciled UTC day, yyyy-MM-dd (default 2024-03-01).",
        };
        var margin = new Option<int>("--margin-minutes")
        {
            Description = "Window margin in minutes written to the resource; records inside it count.",
            DefaultValueFactory = _ => 0,
        };
        var threads = new Option<int>("--threads")
        {
            Description = "Worker threads; 0 means one per core.",
            DefaultValueFactory = _ => 0,
        };
        var force = new Option<bool>("--force")
        {
            Description = "Replace an earlier sample's import, export and output folders under --out.",
        };

        var command = new Command("generate", "Write sample manifests with known ground truth (truth.json) and a ready resource file.")
        {
            output, records, seed, missingPercent, date, margin, threads, force,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var dateText = parse.GetValue(date);
            var day = GenerateOptions.DefaultDate;
            if (dateText is not null
                && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            {
                error.WriteLine($"--date '{dateText}': expected a UTC day as yyyy-MM-dd, such as 2024-03-01.");
                return Task.FromResult(ExitCodes.InvalidInput);
            }
            var options = new GenerateOptions(
                parse.GetValue(output)!, parse.GetValue(records), parse.GetValue(seed), parse.GetValue(missingPercent),
                day, parse.GetValue(margin))
            {
                Threads = parse.GetValue(threads),
            };
            var clock = Stopwatch.StartNew();
            var (invalid, truth) = new SampleDataGenerator().Generate(options, parse.GetValue(force), cancellationToken);
            if (invalid is not null)
            {
                error.WriteLine(invalid);
                return Task.FromResult(ExitCodes.InvalidInput);
            }
            var seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-6);
            var bytes = truth!.Import.Bytes + truth.Export.Bytes;
            parse.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {truth.Import.Lines} import lines in {truth.Import.Files} files and {truth.Export.Lines} export " +
                $"lines in {truth.Export.Files} files ({bytes / 1e6:0.0} MB) to {Path.GetFullPath(options.OutputFolder)} " +
                $"in {seconds:0.00} s ({bytes / seconds / 1e6:0} MB/s); expected: {truth.Totals.MissingExports} missing " +
                $"exports, {truth.Totals.MissingImports} missing imports, {truth.Totals.MismatchedTimestamps} mismatched " +
                $"timestamps, {truth.Totals.MissingCollections} missing collections, {truth.Totals.MissingDatabases} missing databases"));
            return Task.FromResult(ExitCodes.Verified);
        });
        return command;
    }
}
