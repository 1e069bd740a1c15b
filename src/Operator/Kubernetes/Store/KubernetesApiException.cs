namespace KafkaRecon.Operator.Kubernetes.Store;

/// <summary>An API server failure with its kind, HTTP code and the server's own message.</summary>
internal sealed class KubernetesApiException(
    ApiErrorKind kind, int statusCode, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public ApiErrorKind Kind { get; } = kind;

    public int StatusCode { get; } = statusCode;

    /// <summary>The server's Retry-After hint (429, some 5xx), when it sent one.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public static bool Is(Exception exception, ApiErrorKind kind) =>
        exception is KubernetesApiException api && api.Kind == kind;
}
