using System.Text.Json;
using System.Text.Json.Nodes;
using KafkaRecon.ApiServer.Http;
using KafkaRecon.ApiServer.Json;
using KafkaRecon.ApiServer.Resources;

namespace KafkaRecon.ApiServer.Semantics;

/// <summary>A parsed PATCH body and how it applies, chosen by Content-Type.</summary>
internal sealed class PatchBody
{
    private readonly Kind _kind;

    private PatchBody(Kind kind, JsonNode? document)
    {
        _kind = kind;
        Document = document;
    }

    private enum Kind
    {
        Merge,
        Json,
        Apply,
    }

    public JsonNode? Document { get; }

    /// <summary>Server-side apply, simplified: a merge without field ownership that also creates (documented limitation).</summary>
    public bool IsApply => _kind == Kind.Apply;

    public static PatchBody Parse(string? contentType, string body, ResourceType type, string? fieldManager)
    {
        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            "application/merge-patch+json" => new PatchBody(Kind.Merge, ParseJson(body)),
            "application/json-patch+json" => ParseJson(body) is JsonArray
                ? new PatchBody(Kind.Json, ParseJson(body))
                : throw ApiError.BadRequest("a JSON patch must be an array of operations"),
            // The server rejects strategic merge for custom resources; for built-ins a merge is close enough here.
            "application/strategic-merge-patch+json" when !type.IsCustom => new PatchBody(Kind.Merge, ParseJson(body)),
            "application/apply-patch+yaml" => string.IsNullOrEmpty(fieldManager)
                ? throw ApiError.BadRequest("PATCH requests using application/apply-patch+yaml must have a fieldManager")
                : new PatchBody(Kind.Apply, YamlJson.Parse(body)),
            _ => throw ApiError.UnsupportedMediaType(contentType ?? ""),
        };
    }

    public JsonNode? ApplyTo(JsonObject current)
    {
        try
        {
            return _kind == Kind.Json
                ? JsonPatchDocument.Apply(current, (JsonArray)Document!)
                : JsonMergePatch.Apply(current, Document);
        }
        catch (JsonPatchException error)
        {
            throw new ApiError(422, "Invalid", error.Message);
        }
    }

    private static JsonNode? ParseJson(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException error)
        {
            throw ApiError.BadRequest($"the patch is not valid JSON: {error.Message}");
        }
    }
}
