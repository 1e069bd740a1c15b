using Microsoft.AspNetCore.Http;

namespace KafkaRecon.ApiServer.Http;

/// <summary>The Kubernetes verb of a resource request, as RBAC and audit logs name it.</summary>
internal static class RequestVerb
{
    public static string Of(HttpRequest request, RequestTarget target) => request.Method switch
    {
        "GET" when target.Name is not null => "get",
        "GET" when IsWatch(request) => "watch",
        "GET" => "list",
        "POST" => "create",
        "PUT" => "update",
        "PATCH" => "patch",
        "DELETE" when target.Name is not null => "delete",
        "DELETE" => "deletecollection",
        _ => request.Method.ToLowerInvariant(),
    };

    public static bool IsWatch(HttpRequest request) => request.Query["watch"].ToString() is "true" or "1" or "True";
}
