using KafkaRecon.Operator.Aws;

namespace KafkaRecon.Tests.Aws;

internal static class MotoS3
{
    /// <summary>Clients for moto and a new bucket with a name unique to one test.</summary>
    public static async Task<(AwsClients Clients, string Bucket)> CreateBucketAsync(MotoServer moto)
    {
        var clients = moto.Clients();
        var bucket = $"recon-{Guid.NewGuid():N}"[..24];
        await clients.S3.PutBucketAsync(bucket);
        return (clients, bucket);
    }
}
