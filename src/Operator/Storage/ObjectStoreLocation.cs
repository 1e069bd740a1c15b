namespace KafkaRecon.Operator.Storage;

/// <summary>Tells S3 locations from local ones and splits <c>s3://bucket/prefix</c>.</summary>
internal static class ObjectStoreLocation
{
    public static bool IsS3(string location) => location.StartsWith("s3://", StringComparison.Ordinal);

    public static (string Bucket, string Key) SplitS3(string location)
    {
        if (!IsS3(location))
        {
            throw new ArgumentException($"'{location}' is not an s3://bucket/key location.", nameof(location));
        }
        var rest = location["s3://".Length..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0)
        {
            throw new ArgumentException($"'{location}' names no bucket; expected s3://bucket/prefix.", nameof(location));
        }
        return (bucket, slash < 0 ? "" : rest[(slash + 1)..]);
    }
}
