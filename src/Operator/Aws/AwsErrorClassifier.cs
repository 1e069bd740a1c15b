using System.Net;

namespace KafkaRecon.Operator.Aws;

/// <summary>Maps an AWS error response (status and error code) to what it means for us.</summary>
internal static class AwsErrorClassifier
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    };

    private static readonly HashSet<string> ValidationCodes = new(StringComparer.Ordinal)
    {
        "ValidationException", "InvalidRequestException", "InvalidInputException", "ClientException",
        "InvalidParameterException", "InvalidParameterValueException", "SerializationException",
    };

    private static readonly HashSet<string> NotFoundCodes = new(StringComparer.Ordinal)
    {
        "EntityNotFoundException", "ResourceNotFoundException", "NotFoundException", "NoSuchKey", "NoSuchBucket",
    };

    private static readonly HashSet<string> AccessDeniedCodes = new(StringComparer.Ordinal)
    {
        "AccessDeniedException", "AccessDenied", "UnrecognizedClientException", "InvalidSignatureException",
        "ExpiredTokenException", "IncompleteSignature", "MissingAuthenticationToken", "SignatureDoesNotMatch",
    };

    public static AwsErrorKind Classify(HttpStatusCode statusCode, string errorCode)
    {
        if (errorCode == "ConcurrentRunsExceededException")
        {
            return AwsErrorKind.ConcurrencyLimit;
        }
        if (statusCode == HttpStatusCode.TooManyRequests || ThrottlingCodes.Contains(errorCode))
        {
            return AwsErrorKind.Throttling;
        }
        if (NotFoundCodes.Contains(errorCode))
        {
            return AwsErrorKind.NotFound;
        }
        if (AccessDeniedCodes.Contains(errorCode) || statusCode == HttpStatusCode.Forbidden)
        {
            return AwsErrorKind.AccessDenied;
        }
        if (ValidationCodes.Contains(errorCode))
        {
            return AwsErrorKind.Validation;
        }
        if ((int)statusCode >= 500)
        {
            return AwsErrorKind.ServerError;
        }
        return statusCode == HttpStatusCode.NotFound ? AwsErrorKind.NotFound : AwsErrorKind.Other;
    }

    /// <summary>
    /// The error code of a JSON error body: <c>__type</c> (awsJson, possibly <c>prefix#Code</c>) or the
    /// <c>x-amzn-ErrorType</c> header (restJson, possibly <c>Code:uri</c>).
    /// </summary>
    public static string NormaliseCode(string raw)
    {
        var code = raw;
        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }
        var colon = code.IndexOf(':');
        return colon >= 0 ? code[..colon] : code;
    }
}
