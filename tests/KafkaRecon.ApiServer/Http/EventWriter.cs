using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KafkaRecon.ApiServer.Resources;
using KafkaRecon.ApiServer.Storage;
using Microsoft.AspNetCore.Http;

namespace KafkaRecon.ApiServer.Http;

/// <summary>
/// Writes WatchEvent lines for one watch, translating changes through its selectors the way the server does:
/// an object that starts matching arrives as ADDED, one that stops matching as DELETED.
/// </summary>
internal sealed class EventWriter(HttpContext context, ResourceType type, ObjectFilter filter, TableBuilder tables, bool asTable, string? includeObject)
{
    public long LastVersion { get; private set; }

    public async Task WriteChangeAsync(StoredEvent change)
    {
        var nowMatches = filter.Matches(change.Object);
        var usedToMatch = filter.Matches(change.Previous);
        var eventType = change.Kind switch
        {
            WatchEventKind.Added when nowMatches => "ADDED",
            WatchEventKind.Modified when nowMatches && usedToMatch => "MODIFIED",
            WatchEventKind.Modified when nowMatches => "ADDED",
            WatchEventKind.Modified when usedToMatch => "DELETED",
            WatchEventKind.Deleted when usedToMatch || nowMatches => "DELETED",
            _ => null,
        };
        LastVersion = Math.Max(LastVersion, change.ResourceVersion);
        if (eventType is null)
        {
            return;
        }

        var obj = (JsonObject)change.Object.DeepClone();
        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
        JsonNode payload = asTable
            ? tables.Build(type, [obj], change.ResourceVersion.ToString(CultureInfo.InvariantCulture), null, includeObject)
            : obj;
        await WriteLineAsync(eventType, payload);
    }

    public Task WriteBookmarkAsync(long version)
    {
        LastVersion = Math.Max(LastVersion, version);
        return WriteLineAsync("BOOKMARK", new JsonObject
        {
            ["kind"] = type.Kind,
            ["apiVersion"] = type.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture) },
        });
    }

    private async Task WriteLineAsync(string eventType, JsonNode payload)
    {
        var line = new JsonObject { ["type"] = eventType, ["object"] = payload }.ToJsonString() + "\n";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
