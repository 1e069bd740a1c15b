namespace KafkaRecon.Operator.Aws;

/// <summary>What an AWS error means for the caller.</summary>
internal enum AwsErrorKind
{
    Throttling,
    Validation,
    NotFound,
    ConcurrencyLimit,
    AccessDenied,
    ServerError,
    Other,
}
