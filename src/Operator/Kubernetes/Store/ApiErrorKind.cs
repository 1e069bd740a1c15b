namespace KafkaRecon.Operator.Kubernetes.Store;

/// <summary>The API server failures the controller treats differently.</summary>
internal enum ApiErrorKind
{
    NotFound,
    Conflict,
    AlreadyExists,
    /// <summary>410: the resourceVersion is older than the server's watch history; relist.</summary>
    Expired,
    Invalid,
    Forbidden,
    Unauthorized,
    TooManyRequests,
    ServerError,
    Other,
}
