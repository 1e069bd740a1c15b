using System.Text.Json;
using KafkaRecon.Entities;
using KafkaRecon.Tests.Engines.Embedded;
using KafkaRecon.Tests.Generation;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.Cli;

/// <summary>
/// <c>kafka-recon results RUN --missing …</c> over a finished embedded run of generated data, compared with an
/// independent recount of the generated files.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ResultsCommandTests : IClassFixture<GeneratedSamples>, IAsyncLifetime
{
    private readonly EmbeddedRun run = new();
    private readonly GeneratedSample sample;
    private readonly NaiveDiscrepancies truth;

    public ResultsCommandTests(GeneratedSamples samples)
    {
        sample = samples.WithoutMargin;
        truth = NaiveDiscrepancies.Of(sample);
        run.Spec.Manifests.ImportLocation = sample.Import;
        run.Spec.Manifests.ExportLocation = sample.Export;
    }

    public async Task InitializeAsync()
    {
        await run.TransformSucceedsAsync();
        await run.QueryAsync();
    }

    public Task DisposeAsync()
    {
        run.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("exports")]
    [InlineData("imports")]
    [InlineData("timestamps")]
    public async Task Json_lists_every_record_of_the_category_smallest_ids_first(string missing)
    {
        var expected = missing switch
        {
            "exports" => truth.MissingExports,
            "imports" => truth.MissingImports,
            _ => truth.MismatchedTimestamps,
        };

        var (exit, output, error) = await Results("--missing", missing, "--output", "json");

        Assert.True(exit == 0, error);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, JsonSerializer.Deserialize<List<RecordSample>>(output));
    }

    [Fact]
    public async Task Csv_has_a_header_and_one_line_per_missing_export()
    {
        var (exit, output, error) = await Results("--missing", "exports", "--output", "csv");

        Assert.True(exit == 0, error);
        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("database,collection,id,import_timestamp", lines[0]);
        var first = truth.MissingExports[0];
        Assert.Equal(
            $"{first.Database},{first.Collection},{CsvField(first.Id)},{first.ImportTimestamp}", lines[1]);
        Assert.Equal(truth.MissingExports.Count, lines.Length - 1);
    }

    [Fact]
    public async Task Table_output_counts_the_records_and_notes_collections_with_no_export_at_all()
    {
        var (exit, output, error) = await Results("--missing", "exports");

        Assert.True(exit == 0, error);
        Assert.Contains($"{truth.MissingExports.Count:N0} imported records missing from the export", output);
        Assert.Contains(truth.MissingExports[0].Id, output);
        if (sample.Truth.MissingCollections.Count > 0)
        {
            Assert.Contains("have no export at all", error);
        }
    }

    [Fact]
    public async Task The_resource_file_gives_the_output_location()
    {
        var resource = Path.Combine(run.Root, "resource.yaml");
        File.WriteAllText(resource, $"""
            apiVersion: kafkarecon.io/v1alpha1
            kind: KafkaReconciliation
            metadata:
              name: nightly
            spec:
              engine: embedded
              manifests:
                importLocation: {sample.Import}
                exportLocation: {sample.Export}
              output:
                location: {run.Spec.Output.Location}
            """);

        var (exit, output, error) = await CliRun.RunAsync(
            "results", run.RunId, "--missing", "imports", "--file", resource, "--output", "json");

        Assert.True(exit == 0, error);
        Assert.Equal(truth.MissingImports, JsonSerializer.Deserialize<List<RecordSample>>(output));
    }

    [Theory]
    [InlineData("nightly-19990101", "No complete result tables")]
    [InlineData("../escaped", "expected a run id")]
    public async Task An_unknown_or_malformed_run_is_bad_input(string runId, string expected)
    {
        var (exit, _, error) = await CliRun.RunAsync(
            "results", runId, "--missing", "exports", "--location", run.Spec.Output.Location);

        Assert.Equal(2, exit);
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("s3:///out")]
    [InlineData("s3://")]
    public async Task A_location_naming_no_bucket_is_bad_input_not_a_stack_trace(string location)
    {
        var (exit, _, error) = await CliRun.RunAsync("results", run.RunId, "--missing", "exports", "--location", location);

        Assert.Equal(2, exit);
        Assert.Contains("names no bucket", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task A_location_or_a_file_is_required()
    {
        var (exit, _, error) = await CliRun.RunAsync("results", run.RunId, "--missing", "exports");

        Assert.Equal(2, exit);
        Assert.Contains("--location", error);
    }

    private Task<(int Exit, string Output, string Error)> Results(params string[] options) =>
        CliRun.RunAsync(["results", run.RunId, "--location", run.Spec.Output.Location, .. options]);

    private static string CsvField(string value) =>
        value.IndexOfAny([',', '"']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
