using System.Text.Json.Nodes;

namespace KafkaRecon.ApiServer.Http;

/// <summary>An API failure rendered as a meta/v1 <c>Status</c> body, exactly as the real server shapes it.</summary>
internal sealed class ApiError(int code, string reason, string message, JsonObject? details = null) : Exception(message)
{
    public int Code { get; } = code;
    public string Reason { get; } = reason;
    public JsonObject? DetailsBody { get; } = details;

    public JsonObject ToStatus() => StatusBody(Code, Reason, Message, DetailsBody);

    public static JsonObject StatusBody(int code, string reason, string message, JsonObject? details) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["details"] = details?.DeepClone(),
        ["code"] = code,
    };

    public static JsonObject Details(string name, string group, string kind, JsonArray? causes = null)
    {
        var details = new JsonObject { ["name"] = name, ["group"] = group, ["kind"] = kind };
        if (causes is not null)
        {
            details["causes"] = causes;
        }

        return details;
    }

    public static ApiError NotFound(string resource, string group, string name) => new(
        404, "NotFound", $"{GroupResource(resource, group)} \"{name}\" not found", Details(name, group, resource));

    public static ApiError AlreadyExists(string resource, string group, string name) => new(
        409, "AlreadyExists", $"{GroupResource(resource, group)} \"{name}\" already exists", Details(name, group, resource));

    public static ApiError Conflict(string resource, string group, string name) => new(
        409, "Conflict",
        $"Operation cannot be fulfilled on {GroupResource(resource, group)} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
        Details(name, group, resource));

    public static ApiError Invalid(string kind, string group, string name, IReadOnlyList<FieldCause> causes)
    {
        var summary = causes.Count == 1
            ? causes[0].ToString()
            : "[" + string.Join(", ", causes.Select(cause => cause.ToString())) + "]";
        var causeArray = new JsonArray(causes.Select(cause => (JsonNode)cause.ToJson()).ToArray());
        return new ApiError(
            422, "Invalid", $"{GroupKind(kind, group)} \"{name}\" is invalid: {summary}", Details(name, group, kind, causeArray));
    }

    public static ApiError BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiError Expired(string message) => new(410, "Expired", message);

    public static ApiError MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);

    public static ApiError UnsupportedMediaType(string contentType) => new(
        415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json (got \"{contentType}\")");

    public static string GroupResource(string resource, string group) => group.Length == 0 ? resource : $"{resource}.{group}";

    private static string GroupKind(string kind, string group) => group.Length == 0 ? kind : $"{kind}.{group}";
}
