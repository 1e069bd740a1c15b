using Amazon.S3;
using Amazon.S3.Model;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Aws;
using KafkaRecon.Tests.Engines.Embedded;
using KafkaRecon.Tests.Support;
using Xunit.Abstractions;
using static KafkaRecon.Tests.Engines.Embedded.ManifestLine;

namespace KafkaRecon.Tests.Engines.Aws;

/// <summary>
/// Issue 14, "Done when", with the manifests on S3 (moto): 30 days of history uploaded before the window's cutoff,
/// one day's files after it. The embedded engine downloads only the window's files, status.inputs counts only them,
/// and the totals equal those of reading everything. moto stamps objects with its own clock, so the window is placed
/// right after the history's upload instead of the history being back-dated.
/// </summary>
[Trait("Category", "Slow")]
[Collection(MotoCollection.Name)]
public sealed class EmbeddedS3PruningTests(MotoServer moto, ITestOutputHelper output)
{
    private const int HistoryDays = 30;
    private const int RecordsPerFile = 200;
    private static readonly TimeSpan Slack = TimeSpan.FromHours(1);

    [Fact]
    public async Task Thirty_days_of_s3_history_are_neither_downloaded_nor_counted_and_totals_stay_exact()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        using var run = new EmbeddedRun();
        for (var day = -HistoryDays; day < 0; day++)
        {
            var ms = EmbeddedRun.StartMs + day * 86_400_000L;
            await PutAsync(clients.S3, bucket, $"import/k2hb_h{-day:00}.txt", Lines(day, ms, (id, t) => Import(id, t, "db", "c")));
            await PutAsync(clients.S3, bucket, $"export/htme_h{-day:00}.txt", Lines(day, ms, (id, t) => Export(id, t, "db", "c")));
        }
        var historyWritten = (await ListAsync(clients.S3, bucket)).Max(o => o.LastModified!.Value);
        // The window starts one slack after the history's last write second, so the cutoff lies just past it.
        var start = new DateTimeOffset(historyWritten.ToUniversalTime()).AddSeconds(1) + Slack;
        var window = new ResolvedWindow { Start = start, End = start.AddDays(1), MarginMinutes = 0 };
        var windowMs = start.ToUnixTimeMilliseconds();
        await Poll.UntilAsync(async () =>
        {
            await PutAsync(clients.S3, bucket, "import/k2hb_window.txt", Lines(0, windowMs, (id, t) => Import(id, t, "db", "c")));
            await PutAsync(clients.S3, bucket, "export/htme_window.txt", Lines(0, windowMs, (id, t) => Export(id, t, "db", "c")));
            return (await ListAsync(clients.S3, bucket)).Where(o => o.Key.Contains("window", StringComparison.Ordinal))
                .All(o => new DateTimeOffset(o.LastModified!.Value.ToUniversalTime()) >= start - Slack);
        }, "moto stamps the window's files after the history's last second");
        var windowBytes = (await ListAsync(clients.S3, bucket))
            .Where(o => o.Key.Contains("window", StringComparison.Ordinal)).Sum(o => o.Size ?? 0);
        run.Spec.Manifests.ImportLocation = $"s3://{bucket}/import";
        run.Spec.Manifests.ExportLocation = $"s3://{bucket}/export";
        var store = new ReadRecordingObjectStore(
            new RoutingObjectStore(new LocalObjectStore(), () => new S3ObjectStore(clients.S3)));

        var pruned = await TransformAsync(store, run, window);
        var prunedReads = store.Read.Where(l => l.StartsWith("s3://", StringComparison.Ordinal)).ToList();
        var prunedCounts = run.Counts();
        store.Clear();
        run.Spec.Manifests.Pruning = InputPruning.None;
        var unpruned = await TransformAsync(store, run, window);
        var unprunedReads = store.Read.Where(l => l.StartsWith("s3://", StringComparison.Ordinal)).Count();

        var read = pruned.Import.Bytes + pruned.Export.Bytes;
        output.WriteLine($"window's own manifests: {windowBytes} bytes; status.inputs with pruning: {read} bytes " +
                         $"({prunedReads.Count} objects downloaded); without: {unpruned.Import.Bytes + unpruned.Export.Bytes} " +
                         $"bytes ({unprunedReads} objects downloaded)");
        Assert.True(read <= windowBytes * 1.2, $"read {read} bytes for a window of {windowBytes}");
        Assert.Equal([$"s3://{bucket}/export/htme_window.txt", $"s3://{bucket}/import/k2hb_window.txt"], prunedReads);
        Assert.Equal(HistoryDays, pruned.Import.SkippedOlder);
        Assert.Equal(HistoryDays, pruned.Export.SkippedOlder);
        Assert.Equal(HistoryDays + 1, unpruned.Import.Files);
        Assert.Equal([$"db|c|{RecordsPerFile}|{RecordsPerFile}|0|{RecordsPerFile}|0|0|0|0"], prunedCounts);
        Assert.Equal(prunedCounts, run.Counts());
    }

    private static async Task<RunInputs> TransformAsync(IObjectStore store, EmbeddedRun run, ResolvedWindow window)
    {
        var observation = await run.TransformAsync(store, window);
        Assert.True(observation.State == ObservedState.Succeeded, $"{observation.Reason}: {observation.Message}");
        return observation.Inputs!;
    }

    private static string Lines(int day, long startMs, Func<string, long, string> line) =>
        string.Concat(Enumerable.Range(0, RecordsPerFile).Select(i => line($"id-{day}-{i}", startMs + i) + "\n"));

    private static Task PutAsync(IAmazonS3 s3, string bucket, string key, string body) =>
        s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = body });

    private static async Task<List<S3Object>> ListAsync(IAmazonS3 s3, string bucket) =>
        (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket })).S3Objects ?? [];
}
