using KafkaRecon.Operator.Engines.Embedded;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Tests.Engines.Embedded;

public sealed class S3ResultTablesTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kafka-recon-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_table_whose_files_went_missing_is_never_published_as_complete()
    {
        // A cancelled run's working copy can be removed while its upload is still unwinding.
        var local = new ResultTableFolder(new RunLayout(Path.Combine(folder, "work"), "nightly"));
        var staging = local.BeginStaging();
        foreach (var table in RunLayout.Tables)
        {
            await File.WriteAllTextAsync(ResultTableFolder.TableFile(staging, table), "parquet");
        }
        local.Publish(staging, "fingerprint");
        File.Delete(local.Files(RunLayout.Tables[^1]).Single());
        var remote = new S3ResultTables(new LocalObjectStore(), new RunLayout(Path.Combine(folder, "output"), "nightly"));

        await Assert.ThrowsAsync<IOException>(() => remote.UploadAsync(local, CancellationToken.None));

        Assert.False(await remote.IsCompleteAsync(CancellationToken.None));
    }
}
