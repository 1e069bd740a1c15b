using k8s;
using k8s.Autorest;
using k8s.Models;

namespace KafkaRecon.Operator.Kubernetes.Store;

/// <summary>Translates the client's exceptions (HTTP errors and in-stream Status objects) into typed API errors.</summary>
internal static class ApiErrors
{
    public static KubernetesApiException From(HttpOperationException exception, string operation)
    {
        var code = (int)exception.Response.StatusCode;
        var status = TryReadStatus(exception.Response.Content);
        var retryAfter = ReadRetryAfter(exception.Response);
        var message = $"{operation} failed with HTTP {code}: {status?.Message ?? Trim(exception.Response.Content)}";
        return new KubernetesApiException(Classify(code, status?.Reason), code, message, retryAfter, exception);
    }

    /// <summary>A watch ERROR event: the client hands the server's Status to <c>onError</c> instead of throwing.</summary>
    public static KubernetesApiException From(KubernetesException exception, string operation)
    {
        var code = exception.Status?.Code ?? 0;
        var message = $"{operation} received an error event {code} {exception.Status?.Reason}: {exception.Status?.Message}";
        return new KubernetesApiException(Classify(code, exception.Status?.Reason), code, message, inner: exception);
    }

    public static ApiErrorKind Classify(int code, string? reason) => code switch
    {
        404 => ApiErrorKind.NotFound,
        409 when reason == "AlreadyExists" => ApiErrorKind.AlreadyExists,
        409 => ApiErrorKind.Conflict,
        410 => ApiErrorKind.Expired,
        422 => ApiErrorKind.Invalid,
        403 => ApiErrorKind.Forbidden,
        401 => ApiErrorKind.Unauthorized,
        429 => ApiErrorKind.TooManyRequests,
        >= 500 and < 600 => ApiErrorKind.ServerError,
        _ => ApiErrorKind.Other,
    };

    private static V1Status? TryReadStatus(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }
        try
        {
            var status = KubernetesJson.Deserialize<V1Status>(content);
            return status?.Kind == "Status" ? status : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static TimeSpan? ReadRetryAfter(HttpResponseMessageWrapper response)
    {
        var values = response.Headers?
            .FirstOrDefault(header => string.Equals(header.Key, "Retry-After", StringComparison.OrdinalIgnoreCase))
            .Value;
        if (int.TryParse(values?.FirstOrDefault(), out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return null;
    }

    private static string Trim(string? content) =>
        string.IsNullOrEmpty(content) ? "(empty body)" : content.Length > 300 ? content[..300] : content;
}
