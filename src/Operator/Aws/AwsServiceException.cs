using System.Net;

namespace KafkaRecon.Operator.Aws;

/// <summary>An AWS API call was answered with an error.</summary>
internal sealed class AwsServiceException(
    string service, string operation, HttpStatusCode statusCode, string errorCode, string errorMessage)
    : Exception($"{service} {operation} failed with {(int)statusCode} {errorCode}: {errorMessage}")
{
    public string Service { get; } = service;
    public string Operation { get; } = operation;
    public HttpStatusCode StatusCode { get; } = statusCode;
    public string ErrorCode { get; } = errorCode;
    public string ErrorMessage { get; } = errorMessage;
    public AwsErrorKind Kind { get; } = AwsErrorClassifier.Classify(statusCode, errorCode);

    /// <summary>Worth repeating the same request: throttling and server-side errors only.</summary>
    public bool IsTransient => Kind is AwsErrorKind.Throttling or AwsErrorKind.ServerError;
}
