using KafkaRecon.Entities;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Tests.Generation;

namespace KafkaRecon.Tests.Engines.Embedded;

/// <summary>
/// <c>status.results.samples</c> on generated data: only records that are truly missing (by an independent recount
/// of the generated files), the smallest ids first, as many as <c>spec.verification.sampleSize</c>.
/// </summary>
[Trait("Category", "Slow")]
public sealed class RecordSampleTests : IClassFixture<GeneratedSamples>, IDisposable
{
    private readonly EmbeddedRun run = new();
    private readonly GeneratedSample sample;

    public RecordSampleTests(GeneratedSamples samples)
    {
        sample = samples.WithoutMargin;
        run.Spec.Manifests.ImportLocation = sample.Import;
        run.Spec.Manifests.ExportLocation = sample.Export;
        run.Spec.Coalesce.Enabled = false;
    }

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task Samples_are_the_truly_missing_records_with_the_smallest_ids()
    {
        var truth = NaiveDiscrepancies.Of(sample);

        var summary = await RunAsync(sampleSize: null);

        var wholeCollections = sample.Truth.MissingCollections.ToHashSet();
        Assert.Equal(
            sample.Truth.Collections.Where(c => !wholeCollections.Contains(new CollectionKey(c.Database, c.Collection))).Sum(c => c.MissingExports),
            truth.MissingExports.Count);
        Assert.True(truth.MissingExports.Count > VerificationSpec.DefaultSampleSize, "the sample needs more misses than samples");
        Assert.Equal(truth.MissingExports.Take(VerificationSpec.DefaultSampleSize), summary.Samples.MissingExports);
        Assert.Equal(truth.MissingImports.Take(VerificationSpec.DefaultSampleSize), summary.Samples.MissingImports);
        Assert.Equal(truth.MismatchedTimestamps.Take(VerificationSpec.DefaultSampleSize), summary.Samples.MismatchedTimestamps);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(100)]
    public async Task Sample_size_bounds_each_category(int size)
    {
        var truth = NaiveDiscrepancies.Of(sample);

        var summary = await RunAsync(size);

        Assert.Equal(truth.MissingExports.Take(size), summary.Samples.MissingExports);
        Assert.Equal(truth.MissingImports.Take(size), summary.Samples.MissingImports);
        Assert.Equal(truth.MismatchedTimestamps.Take(size), summary.Samples.MismatchedTimestamps);
    }

    private async Task<ReportSummary> RunAsync(int? sampleSize)
    {
        if (sampleSize is { } size)
        {
            run.Spec.Verification.SampleSize = size;
        }
        await run.TransformSucceedsAsync();
        await run.QueryAsync();
        return await new ReportSummaryReader(run.Store).ReadAsync(run.Layout.Summary, CancellationToken.None);
    }
}
