using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Tests.Aws;

[Trait("Category", "Slow")]
[Collection(MotoCollection.Name)]
public sealed class RoutingObjectStoreTests(MotoServer moto)
{
    [Fact]
    public async Task S3_locations_go_to_s3_and_paths_to_the_local_folder()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        var store = new RoutingObjectStore(new LocalObjectStore(), () => new S3ObjectStore(clients.S3));
        var folder = Directory.CreateTempSubdirectory("kafka-recon-routing-").FullName;
        try
        {
            await store.WriteAsync($"s3://{bucket}/r/a.txt", new MemoryStream("s3"u8.ToArray()), CancellationToken.None);
            await store.WriteAsync(Path.Combine(folder, "a.txt"), new MemoryStream("local"u8.ToArray()), CancellationToken.None);

            using var fromS3 = await clients.S3.GetObjectAsync(bucket, "r/a.txt");
            Assert.Equal("s3", await new StreamReader(fromS3.ResponseStream).ReadToEndAsync());
            Assert.Equal("local", await File.ReadAllTextAsync(Path.Combine(folder, "a.txt")));
            Assert.Single(await store.ListAsync($"s3://{bucket}/r", CancellationToken.None).ToListAsync());
            Assert.False(await store.ExistsAsync(Path.Combine(folder, "r", "a.txt"), CancellationToken.None));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
