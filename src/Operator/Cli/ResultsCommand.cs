using System.CommandLine;
using System.Text.RegularExpressions;
using KafkaRecon.Operator.Composition;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Cli;

/// <summary>
/// <c>kafka-recon results RUN --missing exports|imports|timestamps</c>: every record of one discrepancy of a finished
/// run (not only the samples in its status), read from the run's result tables in a local folder or on S3. The
/// output location comes from <c>--location</c> or the resource file's <c>spec.output.location</c>. Exit 0 when the
/// tables were read (whether or not anything is missing), 2 for bad options or an unknown run, 1 when reading failed.
/// </summary>
internal static partial class ResultsCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("RUN")
        {
            Description = "The run id (status.runId, e.g. nightly-20240301): the folder <output>/runs/RUN/.",
        };
        var missing = new Option<string>("--missing")
        {
            Description = "Which records: exports (imported, not exported), imports (exported, not imported) or " +
                          "timestamps (on both sides with different timestamps).",
            Required = true,
        };
        missing.AcceptOnlyFromAmong([.. SampleCategories.All.Select(SampleCategories.CliName)]);
        var location = new Option<string?>("--location", "-l")
        {
            Description = "The resource's output location (spec.output.location): a folder or s3://bucket/prefix.",
        };
        var file = new Option<FileInfo?>("--file", "-f")
        {
            Description = "KafkaReconciliation resource (YAML or JSON) whose spec.output.location holds the run.",
        };
        var output = new Option<RecordListFormat>("--output", "-o")
        {
            Description = "How to print the records on stdout: table, json or csv.",
            DefaultValueFactory = _ => RecordListFormat.Table,
        };
        var awsEndpoint = AwsEndpointOption.Create();
        var command = new Command("results", "List every missing or mismatched record of a finished run.")
        {
            run, missing, location, file, output, awsEndpoint,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(location) is null == (result.GetValue(file) is null))
            {
                result.AddError("Give exactly one of --location LOCATION or --file FILE.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var runId = parse.GetValue(run)!;
            if (!RunIdPattern().IsMatch(runId))
            {
                await stderr.WriteLineAsync(
                    $"RUN '{runId}': expected a run id such as nightly-20240301 (lower-case letters, digits, '-' and '.').");
                return ExitCodes.InvalidInput;
            }
            string outputLocation;
            try
            {
                outputLocation = parse.GetValue(location) ?? ResourceFile.Load(parse.GetValue(file)!.FullName).Spec.Output.Location;
            }
            catch (InvalidResourceException e)
            {
                await stderr.WriteLineAsync(e.Message);
                return ExitCodes.InvalidInput;
            }
            if (string.IsNullOrWhiteSpace(outputLocation))
            {
                await stderr.WriteLineAsync("spec.output.location is empty; give --location.");
                return ExitCodes.InvalidInput;
            }
            if (Entities.Validation.LocationRules.Problem(outputLocation) is { } problem)
            {
                await stderr.WriteLineAsync($"{(parse.GetValue(location) is null ? "spec.output.location" : "--location")}: {problem}");
                return ExitCodes.InvalidInput;
            }
            var category = SampleCategories.FromCliName(parse.GetValue(missing)!);
            using var aws = new Aws.LazyAwsClients(parse.GetValue(awsEndpoint));
            var store = aws.CreateStore();
            var layout = new RunLayout(outputLocation, runId);
            IReadOnlyList<Entities.RecordSample> records;
            try
            {
                records = await ResultsComposition.ListAsync(store, layout, category, cancellationToken);
            }
            catch (RunTablesNotFoundException e)
            {
                await stderr.WriteLineAsync($"Run '{runId}': {e.Message}");
                return ExitCodes.InvalidInput;
            }
            catch (Aws.AwsConfigurationException e)
            {
                await stderr.WriteLineAsync($"--location '{outputLocation}': {e.Message}");
                return ExitCodes.InvalidInput;
            }
            catch (Exception e) when (StorageFailure.Is(e, cancellationToken) || e is DuckDB.NET.Data.DuckDBException)
            {
                await stderr.WriteLineAsync($"Reading the tables of run '{runId}' under '{outputLocation}' failed: {e.Message}");
                return ExitCodes.Error;
            }
            RecordListWriter.Write(stdout, category, records, parse.GetValue(output));
            if (category == SampleCategory.MissingExports)
            {
                await NoteWholeCollectionsAsync(store, layout, stderr, cancellationToken);
            }
            return ExitCodes.Verified;
        });
        return command;
    }

    /// <summary>
    /// Collections with no export at all are reported as missing collections, not record by record: say so, so an
    /// empty or short listing is never read as "nothing else is missing".
    /// </summary>
    private static async Task NoteWholeCollectionsAsync(
        IObjectStore store, RunLayout layout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ReportSummary? summary;
        try
        {
            summary = await new ReportSummaryReader(store).TryReadAsync(layout.Summary, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.Is(e, cancellationToken) || e is InvalidDataException)
        {
            await stderr.WriteLineAsync($"note: the run summary '{layout.Summary}' could not be read ({e.Message}); " +
                                        "collections with no export at all are not listed above.");
            return;
        }
        if (summary is { MissingCollections.Count: > 0 } found)
        {
            var names = found.MissingCollections.Take(10).Select(c => $"{c.Database}.{c.Collection}");
            await stderr.WriteLineAsync(
                $"note: {found.MissingCollections.Count} collection(s) have no export at all, so every imported record " +
                $"of theirs is missing and none is listed above: {string.Join(", ", names)}" +
                (found.MissingCollections.Count > 10 ? ", …" : ""));
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]{0,300}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex RunIdPattern();
}
