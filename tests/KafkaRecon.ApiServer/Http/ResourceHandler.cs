using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KafkaRecon.ApiServer.Resources;
using KafkaRecon.ApiServer.Semantics;
using KafkaRecon.ApiServer.Storage;
using Microsoft.AspNetCore.Http;

namespace KafkaRecon.ApiServer.Http;

/// <summary>GET, LIST, CREATE, PUT, PATCH and DELETE of one resource request, rendered as the API server renders them.</summary>
internal sealed class ResourceHandler(ResourceStore store, ObjectWriter writer, TableBuilder tables, WatchStreamer watches)
{
    public async Task HandleAsync(HttpContext context, RequestTarget target, ResourceType type, string verb)
    {
        if (!IsServed(target, type, verb))
        {
            throw new ApiError(404, "NotFound", "the server could not find the requested resource");
        }

        var @namespace = target.Namespace ?? "";
        var query = context.Request.Query;
        if (!string.IsNullOrEmpty(query["dryRun"]))
        {
            // Better an explicit refusal than a "dry" write that is silently persisted.
            throw ApiError.BadRequest("dryRun is not supported by the API test server");
        }

        var statusWrite = target.Subresource == "status";
        switch (verb)
        {
            case "get":
                var found = store.Get(type, @namespace, target.Name!) ?? throw ApiError.NotFound(type.Plural, type.Group, target.Name!);
                await RespondObjectAsync(context, type, 200, found, []);
                break;
            case "list":
                await ListAsync(context, type, target.Namespace);
                break;
            case "watch":
                await watches.StreamAsync(context, type, target.Namespace, Filter(context, type));
                break;
            case "create" when target.Name is null && !statusWrite:
                var createContext = Context(query);
                var created = writer.Create(type, @namespace, await ReadObjectAsync(context), createContext);
                await RespondObjectAsync(context, type, 201, created, createContext.Warnings);
                break;
            case "update":
                var updateContext = Context(query);
                var updated = writer.Replace(type, @namespace, target.Name!, await ReadObjectAsync(context), statusWrite, updateContext);
                await RespondObjectAsync(context, type, 200, updated, updateContext.Warnings);
                break;
            case "patch":
                var patchContext = Context(query);
                var body = PatchBody.Parse(context.Request.ContentType, await ReadTextAsync(context), type, query["fieldManager"]);
                var patched = writer.Patch(type, @namespace, target.Name!, body, statusWrite, patchContext);
                await RespondObjectAsync(context, type, 200, patched, patchContext.Warnings);
                break;
            case "delete" when !statusWrite:
                var text = await ReadTextAsync(context);
                var options = string.IsNullOrWhiteSpace(text) ? null : ParseObject(text);
                var (deleted, removed) = writer.Delete(type, @namespace, target.Name!, options);
                await JsonResponses.WriteAsync(context, 200, removed ? DeletedStatus(type, deleted) : deleted);
                break;
            default:
                throw ApiError.MethodNotAllowed($"the server does not allow this method on the requested resource ({verb})");
        }
    }

    /// <summary>Only the status subresource exists; namespaced kinds need a namespace except for all-namespace LIST/WATCH.</summary>
    private static bool IsServed(RequestTarget target, ResourceType type, string verb)
    {
        var subresourceServed = target.Subresource is null || (target.Subresource == "status" && type.HasStatusSubresource);
        var scopeServed = target.Namespace is not null
            ? type.Namespaced
            : !type.Namespaced || verb is "list" or "watch";
        return subresourceServed && scopeServed;
    }

    private async Task ListAsync(HttpContext context, ResourceType type, string? @namespace)
    {
        var query = context.Request.Query;
        var filter = Filter(context, type);
        var (all, listVersion) = store.List(type, @namespace);
        var token = query["continue"].ToString() is { Length: > 0 } continueText ? ContinueToken.Decode(continueText) : null;
        if (token is not null && token.ResourceVersion < store.OldestResumableVersion)
        {
            throw ApiError.Expired(
                "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.");
        }

        var matching = all.Where(filter.Matches)
            .Where(obj => token is null || string.CompareOrdinal(Key(obj), token.AfterKey) > 0)
            .ToList();
        var limit = long.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : long.MaxValue;
        var page = matching.Take((int)Math.Min(limit, int.MaxValue)).ToList();
        var version = (token?.ResourceVersion ?? listVersion).ToString(CultureInfo.InvariantCulture);
        var next = page.Count < matching.Count
            ? new ContinueToken(token?.ResourceVersion ?? listVersion, Key(page[^1])).Encode()
            : null;

        if (TableBuilder.IsRequested(context.Request.Headers.Accept))
        {
            await JsonResponses.WriteAsync(context, 200, tables.Build(type, page, version, next, query["includeObject"]));
            return;
        }

        var metadata = new JsonObject { ["resourceVersion"] = version };
        if (next is not null)
        {
            metadata["continue"] = next;
            metadata["remainingItemCount"] = matching.Count - page.Count;
        }

        await JsonResponses.WriteAsync(context, 200, new JsonObject
        {
            ["apiVersion"] = type.ApiVersion,
            ["kind"] = type.ListKind,
            ["metadata"] = metadata,
            ["items"] = new JsonArray(page.Select(item => (JsonNode)WithVersion(type, item)).ToArray()),
        });
    }

    private async Task RespondObjectAsync(HttpContext context, ResourceType type, int statusCode, JsonObject obj, IEnumerable<string> warnings)
    {
        JsonNode body = TableBuilder.IsRequested(context.Request.Headers.Accept)
            ? tables.Build(type, [obj], ObjectMeta.Text(obj, "resourceVersion") ?? "", null, context.Request.Query["includeObject"])
            : WithVersion(type, obj);
        await JsonResponses.WriteAsync(context, statusCode, body, warnings);
    }

    /// <summary>A CR removed at once is answered with a Success Status naming it, like the real server.</summary>
    private static JsonObject DeletedStatus(ResourceType type, JsonObject deleted) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["details"] = new JsonObject
        {
            ["name"] = ObjectMeta.Name(deleted),
            ["group"] = type.Group,
            ["kind"] = type.Plural,
            ["uid"] = ObjectMeta.Text(deleted, "uid"),
        },
    };

    private static JsonObject WithVersion(ResourceType type, JsonObject obj)
    {
        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
        return obj;
    }

    private static ObjectFilter Filter(HttpContext context, ResourceType type) => new(
        LabelSelector.Parse(context.Request.Query["labelSelector"]),
        FieldSelector.Parse(context.Request.Query["fieldSelector"], type));

    private static WriteContext Context(IQueryCollection query) => new(query["fieldValidation"].ToString() switch
    {
        "Strict" => FieldValidationMode.Strict,
        "Ignore" => FieldValidationMode.Ignore,
        "Warn" or "" => FieldValidationMode.Warn,
        var other => throw ApiError.BadRequest($"fieldValidation must be Ignore, Warn or Strict, not \"{other}\""),
    });

    private static string Key(JsonObject obj) => $"{ObjectMeta.Namespace(obj)}/{ObjectMeta.Name(obj)}";

    private static async Task<JsonObject> ReadObjectAsync(HttpContext context) => ParseObject(await ReadTextAsync(context));

    private static async Task<string> ReadTextAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }

    private static JsonObject ParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw ApiError.BadRequest("the request body must be a JSON object");
        }
        catch (JsonException error)
        {
            throw ApiError.BadRequest($"the request body is not valid JSON: {error.Message}");
        }
    }
}
