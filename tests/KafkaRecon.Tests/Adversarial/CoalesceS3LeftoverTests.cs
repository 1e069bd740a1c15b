using Amazon.S3.Model;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Aws;

namespace KafkaRecon.Tests.Adversarial;

/// <summary>Issue 12, case 6 on S3: a replaced object is not deleted, and uploads a killed coalesce left are aborted.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Slow")]
public sealed class CoalesceS3LeftoverTests(MotoServer moto)
{
    [Fact]
    public async Task An_object_replaced_since_it_was_listed_is_not_deleted()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        IObjectStore store = new S3ObjectStore(clients.S3);
        await clients.S3.PutObjectAsync(new() { BucketName = bucket, Key = "import/a.txt", ContentBody = "a\n" });
        await clients.S3.PutObjectAsync(new() { BucketName = bucket, Key = "import/b.txt", ContentBody = "b\n" });
        var listed = await store.ListAsync($"s3://{bucket}/import", CancellationToken.None).ToListAsync();
        await clients.S3.PutObjectAsync(new() { BucketName = bucket, Key = "import/b.txt", ContentBody = "b\nlate\n" });

        var deletion = await store.DeleteUnchangedAsync(listed, CancellationToken.None);

        Assert.False(deletion.DeletedAny);
        Assert.Equal([$"s3://{bucket}/import/b.txt"], deletion.Changed);
        Assert.Equal(2, (await store.ListAsync($"s3://{bucket}/import", CancellationToken.None).ToListAsync()).Count);
    }

    [Fact]
    public async Task Unfinished_uploads_below_the_location_are_aborted_by_the_next_run()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        IObjectStore store = new S3ObjectStore(clients.S3);
        await clients.S3.InitiateMultipartUploadAsync(new() { BucketName = bucket, Key = "import/t_coalesced_2.txt" });
        await clients.S3.InitiateMultipartUploadAsync(new() { BucketName = bucket, Key = "other/x.txt" });

        var aborted = await store.RemoveStaleTemporariesAsync(
            $"s3://{bucket}/import", DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);

        Assert.Equal(1, aborted);
        var left = await clients.S3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket });
        Assert.Equal(["other/x.txt"], left.MultipartUploads.Select(u => u.Key));
    }
}
