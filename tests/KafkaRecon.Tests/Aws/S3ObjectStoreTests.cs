using System.Text;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Tests.Aws;

[Trait("Category", "Slow")]
[Collection(MotoCollection.Name)]
public sealed class S3ObjectStoreTests(MotoServer moto)
{
    [Fact]
    public async Task Listing_returns_every_object_below_the_prefix_across_pages()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        var store = new S3ObjectStore(clients.S3);
        var keys = Enumerable.Range(0, 1005).Select(i => $"manifests/import/part-{i:D5}.txt").ToList();
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (key, token) =>
            await clients.S3.PutObjectAsync(new() { BucketName = bucket, Key = key, ContentBody = "x" }, token));
        await clients.S3.PutObjectAsync(new() { BucketName = bucket, Key = "manifests/import-other/a.txt", ContentBody = "y" });

        var listed = await store.ListAsync($"s3://{bucket}/manifests/import", CancellationToken.None).ToListAsync();

        Assert.Equal(keys.Select(k => $"s3://{bucket}/{k}"), listed.Select(o => o.Location));
        Assert.All(listed, o => Assert.Equal(1, o.Size));
    }

    [Fact]
    public async Task Written_object_reads_back_whole_and_exists()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        var store = new S3ObjectStore(clients.S3);
        var location = $"s3://{bucket}/results/run-1_summary.json";
        var content = string.Concat(Enumerable.Repeat("0123456789", 100_000));

        var existedBefore = await store.ExistsAsync(location, CancellationToken.None);
        await store.WriteAsync(location, new MemoryStream(Encoding.UTF8.GetBytes(content)), CancellationToken.None);
        await using var read = await store.OpenReadAsync(location, CancellationToken.None);
        var readBack = await new StreamReader(read).ReadToEndAsync();

        Assert.False(existedBefore);
        Assert.True(await store.ExistsAsync(location, CancellationToken.None));
        Assert.Equal(content, readBack);
    }

    [Fact]
    public async Task Stream_that_cannot_seek_is_written_whole()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        var store = new S3ObjectStore(clients.S3);
        var content = Enumerable.Range(0, 20_000_000).Select(i => (byte)(i % 251)).ToArray();

        await store.WriteAsync($"s3://{bucket}/merged.txt", new ForwardOnlyStream(content), CancellationToken.None);
        await using var read = await store.OpenReadAsync($"s3://{bucket}/merged.txt", CancellationToken.None);
        var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task Deleting_removes_the_objects_and_tolerates_objects_already_gone()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        var store = new S3ObjectStore(clients.S3);
        await store.WriteAsync($"s3://{bucket}/a/1.txt", new MemoryStream("1"u8.ToArray()), CancellationToken.None);
        await store.WriteAsync($"s3://{bucket}/a/2.txt", new MemoryStream("2"u8.ToArray()), CancellationToken.None);

        await store.DeleteAsync([$"s3://{bucket}/a/1.txt", $"s3://{bucket}/a/never-existed.txt"], CancellationToken.None);
        var left = await store.ListAsync($"s3://{bucket}/a", CancellationToken.None).ToListAsync();

        Assert.Equal([$"s3://{bucket}/a/2.txt"], left.Select(o => o.Location));
    }

    [Fact]
    public async Task Staging_copies_a_prefix_to_a_folder_and_a_folder_back_to_a_prefix()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        var s3 = new S3ObjectStore(clients.S3);
        var local = new LocalObjectStore();
        var staging = new S3Staging(s3, local);
        await s3.WriteAsync($"s3://{bucket}/in/2026/11/25/a.txt", new MemoryStream("a|1"u8.ToArray()), CancellationToken.None);
        await s3.WriteAsync($"s3://{bucket}/in/b.txt", new MemoryStream("b|2"u8.ToArray()), CancellationToken.None);
        var folder = Directory.CreateTempSubdirectory("kafka-recon-staging-").FullName;
        try
        {
            var downloaded = await staging.DownloadAsync($"s3://{bucket}/in", folder, CancellationToken.None);
            var uploaded = await staging.UploadAsync(folder, $"s3://{bucket}/out", CancellationToken.None);
            var copied = await s3.ListAsync($"s3://{bucket}/out", CancellationToken.None).ToListAsync();

            Assert.Equal(2, downloaded);
            Assert.Equal("a|1", await File.ReadAllTextAsync(Path.Combine(folder, "2026", "11", "25", "a.txt")));
            Assert.Equal(2, uploaded);
            Assert.Equal([$"s3://{bucket}/out/2026/11/25/a.txt", $"s3://{bucket}/out/b.txt"], copied.Select(o => o.Location));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>A stream that can only be read forwards, like a concatenation of downloads.</summary>
internal sealed class ForwardOnlyStream(byte[] content) : Stream
{
    private readonly MemoryStream inner = new(content);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
