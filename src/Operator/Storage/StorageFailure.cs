using Amazon.Runtime;

namespace KafkaRecon.Operator.Storage;

/// <summary>
/// Tells a failed object store call (S3 error, network, timeout, disk) from a cancellation or a bug, and a failure
/// that retrying may heal from one it cannot.
/// </summary>
internal static class StorageFailure
{
    // errno values of failures that stay until someone acts: no space, read-only file system, quota exceeded.
    private const int NoSpaceLeft = 28;
    private const int ReadOnlyFileSystem = 30;
    private const int QuotaExceeded = 122;

    public static bool Is(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception is IOException or UnauthorizedAccessException or HttpRequestException
            or AmazonServiceException or AmazonClientException
            // The SDK reports a request timeout as a cancellation of a token we never cancelled.
            or OperationCanceledException;

    /// <summary>
    /// True for errors that a retry minutes later meets again unchanged: no permission, a full disk or quota, a
    /// read-only file system, a path too long or with characters a path cannot hold. These fail a phase at once.
    /// </summary>
    public static bool IsPermanent(Exception exception) => exception switch
    {
        UnauthorizedAccessException or PathTooLongException => true,
        ArgumentException => true, // invalid path characters, raised before any I/O
        IOException io => io.HResult is NoSpaceLeft or ReadOnlyFileSystem or QuotaExceeded,
        _ => false,
    };

    /// <summary>The cause as the runtime words it, which names the path (e.g. "No space left on device : '/out/x'").</summary>
    public static string Describe(Exception exception) =>
        exception.InnerException is { } inner && inner.Message != exception.Message
            ? $"{exception.Message} ({inner.Message})"
            : exception.Message;
}
