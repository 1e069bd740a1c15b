using KafkaRecon.Entities;
using KafkaRecon.Tests.ApiServer;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.EndToEnd;

[Trait("Category", "Slow")]
public sealed class ApplyAndCompleteTests : IDisposable
{
    private readonly GeneratedDataset _dataset = new();

    [Fact]
    public async Task Applied_sample_fails_with_the_generated_truth_on_its_status_events_and_printer_columns()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        using var kubectl = new Kubectl(server);
        await using var running = await RunningOperator.StartAsync(server);

        var (exit, output, error) = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("sample.yaml", _dataset.ResourceYaml()));
        Assert.True(exit == 0, output + error);

        var done = await client.WaitForAsync("sample", r => r.IsFinished(), "finishes");
        var truth = _dataset.Truth.Totals;
        Assert.True(truth.MissingExports > 0, "the sample plants missing records");
        Assert.Equal(ReconciliationPhase.Failed, done.Status!.Phase);
        var results = done.Status.Results!;
        Assert.Equal(
            (truth.Imported, truth.Exported, truth.MissingExports, truth.MissingImports, truth.MismatchedTimestamps,
                truth.MismatchedEarlierInImport, truth.MismatchedEarlierInExport, truth.MissingCollections, truth.MissingDatabases),
            (results.Imported, results.Exported, results.MissingExports, results.MissingImports, results.MismatchedTimestamps,
                results.MismatchedEarlierInImport, results.MismatchedEarlierInExport, results.MissingCollections, results.MissingDatabases));

        // The verdict's Warning event is recorded just after the finished status: wait for it, bounded.
        await Poll.UntilAsync(async () => (await client.EventsAsync("sample")).Any(e => e.Type == "Warning"),
            "the verdict's Warning event is recorded");
        Assert.Contains(await client.EventsAsync("sample"), e => e.Type == "Normal");

        var (getExit, table, getError) = await kubectl.RunAsync("get", "krecon", "sample");
        Assert.True(getExit == 0, getError);
        var row = table.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sample", row[0]);
        Assert.Equal("Failed", row[1]);
        Assert.Contains(truth.MissingExports.ToString(System.Globalization.CultureInfo.InvariantCulture), row);
    }

    public void Dispose() => _dataset.Dispose();
}
