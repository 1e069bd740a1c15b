using Amazon.Runtime;

namespace KafkaRecon.Operator.Storage;

/// <summary>Tells a failed object store call (S3 error, network, timeout, disk) from a cancellation or a bug.</summary>
internal static class StorageFailure
{
    public static bool Is(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception is IOException or UnauthorizedAccessException or HttpRequestException
            or AmazonServiceException or AmazonClientException
            // The SDK reports a request timeout as a cancellation of a token we never cancelled.
            or OperationCanceledException;
}
