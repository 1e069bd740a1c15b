using System.Net;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;

namespace KafkaRecon.Operator.Storage;

/// <summary>
/// Objects in S3. A location names an object or a folder-like prefix (<c>s3://bucket/prefix</c>); listing a
/// prefix returns the objects below <c>prefix/</c> (and the object named exactly <c>prefix</c>, if any).
/// </summary>
internal sealed class S3ObjectStore(IAmazonS3 s3) : IObjectStore
{
    /// <summary>DeleteObjects accepts at most this many keys per call.</summary>
    private const int DeleteBatchSize = 1000;

    public async IAsyncEnumerable<StoredObject> ListAsync(
        string location, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (bucket, key) = ObjectStoreLocation.SplitS3(location);
        var folder = key.Length == 0 || key.EndsWith('/') ? key : key + "/";
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = key };
        do
        {
            var page = await s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in page.S3Objects ?? [])
            {
                var isBelow = item.Key == key || item.Key.StartsWith(folder, StringComparison.Ordinal);
                var isFolderMarker = item.Key.EndsWith('/') && (item.Size ?? 0) == 0;
                if (isBelow && !isFolderMarker)
                {
                    yield return new StoredObject(
                        $"s3://{bucket}/{item.Key}", item.Size ?? 0,
                        new DateTimeOffset(item.LastModified ?? DateTime.UnixEpoch, TimeSpan.Zero));
                }
            }
            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
    }

    public async Task<Stream> OpenReadAsync(string location, CancellationToken cancellationToken)
    {
        var (bucket, key) = ObjectStoreLocation.SplitS3(location);
        var response = await s3.GetObjectAsync(bucket, key, cancellationToken);
        return response.ResponseStream;
    }

    /// <summary>
    /// S3 makes an object visible only once PutObject (or the multipart upload's completion) succeeds, so a reader
    /// never sees a half-written object. Streams that cannot seek are fine: the transfer utility uploads them in parts.
    /// </summary>
    public async Task WriteAsync(string location, Stream content, CancellationToken cancellationToken)
    {
        var (bucket, key) = ObjectStoreLocation.SplitS3(location);
        using var transfer = new TransferUtility(s3);
        await transfer.UploadAsync(
            new TransferUtilityUploadRequest
            {
                BucketName = bucket, Key = key, InputStream = content, AutoCloseStream = false,
            },
            cancellationToken);
    }

    public async Task<bool> ExistsAsync(string location, CancellationToken cancellationToken)
    {
        var (bucket, key) = ObjectStoreLocation.SplitS3(location);
        try
        {
            await s3.GetObjectMetadataAsync(bucket, key, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<StoredObject?> StatAsync(string location, CancellationToken cancellationToken)
    {
        var (bucket, key) = ObjectStoreLocation.SplitS3(location);
        try
        {
            var metadata = await s3.GetObjectMetadataAsync(bucket, key, cancellationToken);
            return new StoredObject(location, metadata.ContentLength,
                new DateTimeOffset(metadata.LastModified ?? DateTime.UnixEpoch, TimeSpan.Zero));
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Aborts multipart uploads below the location started before <paramref name="staleBefore"/>: a write killed
    /// mid-way leaves its parts stored (and billed) but invisible.
    /// </summary>
    public async Task<int> RemoveStaleTemporariesAsync(
        string location, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        var (bucket, key) = ObjectStoreLocation.SplitS3(location);
        var request = new ListMultipartUploadsRequest { BucketName = bucket, Prefix = key };
        var aborted = 0;
        while (true)
        {
            var page = await s3.ListMultipartUploadsAsync(request, cancellationToken);
            foreach (var upload in page.MultipartUploads ?? [])
            {
                if (upload.Initiated is { } initiated && new DateTimeOffset(initiated.ToUniversalTime()) < staleBefore)
                {
                    await s3.AbortMultipartUploadAsync(bucket, upload.Key, upload.UploadId, cancellationToken);
                    aborted++;
                }
            }
            if (page.IsTruncated != true)
            {
                return aborted;
            }
            request.KeyMarker = page.NextKeyMarker;
            request.UploadIdMarker = page.NextUploadIdMarker;
        }
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> locations, CancellationToken cancellationToken)
    {
        foreach (var bucketGroup in locations.Select(ObjectStoreLocation.SplitS3).GroupBy(l => l.Bucket))
        {
            foreach (var chunk in bucketGroup.Select(l => l.Key).Chunk(DeleteBatchSize))
            {
                var response = await s3.DeleteObjectsAsync(
                    new DeleteObjectsRequest
                    {
                        BucketName = bucketGroup.Key,
                        Objects = chunk.Select(k => new KeyVersion { Key = k }).ToList(),
                    },
                    cancellationToken);
                // Unlike the reference's quiet deletes, a key that could not be deleted is an error we report.
                var failures = (response.DeleteErrors ?? []).Where(e => e.Code != "NoSuchKey").ToList();
                if (failures.Count > 0)
                {
                    throw new IOException(
                        $"Could not delete {failures.Count} object(s) in bucket '{bucketGroup.Key}', e.g. " +
                        string.Join("; ", failures.Take(5).Select(f => $"'{f.Key}': {f.Code} {f.Message}")));
                }
            }
        }
    }
}
