using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Tests.Reports;

public sealed class ReportSummaryReaderTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kafka-recon-tests", Guid.NewGuid().ToString("N"));
    private readonly LocalObjectStore store = new();

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ReportSummary Sample() => new()
    {
        RunId = "nightly-2024-03-01",
        WindowStart = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero),
        WindowEnd = new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero),
        MarginMinutes = 15,
        Totals = new RunTotals { Imported = 16, Exported = 14, MissingExports = 6, MissingCollections = 2, MissingDatabases = 1 },
        Collections = [new CollectionCounts { Database = "db.x", Collection = "c.y", Imported = 3, MissingExports = 1 }],
        MissingDatabases = ["db2"],
        MissingCollections = [new CollectionKey("db1", "gamma")],
        Partial = true,
        FailedQueries = ["Export totals"],
        ReportLocation = "/out/results/nightly-2024-03-01_results.json",
    };

    [Fact]
    public async Task Summary_written_by_the_publisher_reads_back_identically()
    {
        var layout = new RunLayout(folder, "nightly-2024-03-01");
        var report = new Report("nightly-2024-03-01", DateTimeOffset.UnixEpoch, []);
        await new ReportPublisher(store).PublishAsync(layout, report, Sample(), CancellationToken.None);

        var summary = await new ReportSummaryReader(store).ReadAsync(layout.Summary, CancellationToken.None);

        Assert.Equal(Sample().Totals, summary.Totals);
        Assert.Equal(Sample().Collections, summary.Collections);
        Assert.Equal(Sample().MissingDatabases, summary.MissingDatabases);
        Assert.Equal(Sample().MissingCollections, summary.MissingCollections);
        Assert.Equal(Sample().FailedQueries, summary.FailedQueries);
        Assert.True(summary.Partial);
        Assert.Equal(15, summary.MarginMinutes);
        Assert.True(File.Exists(layout.JsonReport));
        Assert.True(File.Exists(layout.TextReport));
    }

    [Fact]
    public async Task Missing_summary_reads_as_null()
    {
        var summary = await new ReportSummaryReader(store).TryReadAsync(Path.Combine(folder, "none.json"), CancellationToken.None);

        Assert.Null(summary);
    }

    [Fact]
    public async Task Corrupt_summary_fails_naming_its_location()
    {
        Directory.CreateDirectory(folder);
        var location = Path.Combine(folder, "summary.json");
        await File.WriteAllTextAsync(location, "{\"runId\": 5");

        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => new ReportSummaryReader(store).ReadAsync(location, CancellationToken.None));

        Assert.Contains(location, error.Message);
    }

    [Fact]
    public async Task Summary_without_required_fields_is_rejected()
    {
        Directory.CreateDirectory(folder);
        var location = Path.Combine(folder, "summary.json");
        await File.WriteAllTextAsync(location, "{\"runId\": \"r\"}");

        await Assert.ThrowsAsync<InvalidDataException>(
            () => new ReportSummaryReader(store).ReadAsync(location, CancellationToken.None));
    }
}
