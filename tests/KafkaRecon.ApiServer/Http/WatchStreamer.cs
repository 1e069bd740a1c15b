using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KafkaRecon.ApiServer.Faults;
using KafkaRecon.ApiServer.Resources;
using KafkaRecon.ApiServer.Storage;
using Microsoft.AspNetCore.Http;

namespace KafkaRecon.ApiServer.Http;

/// <summary>
/// A WATCH response: newline-delimited WatchEvent JSON, flushed per event. Replays from resourceVersion (or starts with
/// ADDED for the current objects), sends BOOKMARKs when allowed, closes at timeoutSeconds, and answers a too-old
/// resourceVersion with an in-stream ERROR 410 Expired (or an HTTP 410, if the fault injector asks for that form).
/// </summary>
internal sealed class WatchStreamer(ResourceStore store, FaultInjector faults, TableBuilder tables, WatchSettings settings)
{
    public async Task StreamAsync(HttpContext context, ResourceType type, string? @namespace, ObjectFilter filter)
    {
        var query = context.Request.Query;
        var since = ParseVersion(query["resourceVersion"]);
        var asTable = TableBuilder.IsRequested(context.Request.Headers.Accept);
        WatchSubscription subscription;
        IReadOnlyList<StoredEvent> backlog;
        try
        {
            if (since is { } requested && faults.TakeWatchExpiry())
            {
                throw new ResourceVersionExpiredException(requested, store.CurrentResourceVersion);
            }

            subscription = store.OpenWatch(type, @namespace, since, out backlog);
        }
        catch (ResourceVersionExpiredException expired)
        {
            await RespondExpiredAsync(context, expired.Message);
            return;
        }

        try
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.StartAsync(context.RequestAborted);
            await RunAsync(context, type, filter, subscription, backlog, asTable);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            store.CloseWatch(subscription);
        }
    }

    private async Task RunAsync(
        HttpContext context, ResourceType type, ObjectFilter filter, WatchSubscription subscription, IReadOnlyList<StoredEvent> backlog, bool asTable)
    {
        var query = context.Request.Query;
        var timeout = int.TryParse(query["timeoutSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : settings.DefaultTimeout;
        var bookmarks = query["allowWatchBookmarks"].ToString() is "true" or "1";
        using var timedOut = new CancellationTokenSource(timeout, settings.Time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, subscription.Dropped, timedOut.Token);
        var writer = new EventWriter(context, type, filter, tables, asTable, context.Request.Query["includeObject"]);

        foreach (var change in backlog)
        {
            await writer.WriteChangeAsync(change);
        }

        Task<bool>? nextEvent = null;
        Task? nextBookmark = null;
        while (!stop.IsCancellationRequested)
        {
            if (subscription.Stalled)
            {
                await HangAsync(context, subscription);
                return;
            }

            while (!subscription.Stalled && subscription.Events.TryRead(out var change))
            {
                await writer.WriteChangeAsync(change);
            }

            nextEvent ??= subscription.Events.WaitToReadAsync(stop.Token).AsTask();
            nextBookmark ??= bookmarks ? Task.Delay(settings.BookmarkInterval, settings.Time, stop.Token) : Task.Delay(Timeout.Infinite, stop.Token);
            var completed = await Task.WhenAny(nextEvent, nextBookmark);
            if (stop.IsCancellationRequested)
            {
                break;
            }

            if (completed == nextEvent)
            {
                nextEvent = null;
                continue;
            }

            nextBookmark = null;
            if (!subscription.Stalled)
            {
                await SendBookmarkAsync(writer, subscription);
            }
        }

        if (subscription.Dropped.IsCancellationRequested && subscription.AbortOnDrop)
        {
            context.Abort();
        }
    }

    /// <summary>
    /// Everything at or below the store's current version is already queued for this watch (events are queued under
    /// the store lock), so draining first guarantees the bookmark never skips an undelivered event.
    /// </summary>
    private async Task SendBookmarkAsync(EventWriter writer, WatchSubscription subscription)
    {
        var version = store.CurrentResourceVersion;
        while (subscription.Events.TryRead(out var change))
        {
            await writer.WriteChangeAsync(change);
        }

        await writer.WriteBookmarkAsync(Math.Max(version, writer.LastVersion));
    }

    private static async Task HangAsync(HttpContext context, WatchSubscription subscription)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, subscription.Dropped);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            if (subscription.AbortOnDrop)
            {
                context.Abort();
            }
        }
    }

    private async Task RespondExpiredAsync(HttpContext context, string message)
    {
        var status = ApiError.Expired(message).ToStatus();
        if (faults.ExpiryForm == WatchExpiryForm.HttpGone)
        {
            await JsonResponses.WriteAsync(context, 410, status);
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        var line = new JsonObject { ["type"] = "ERROR", ["object"] = status }.ToJsonString() + "\n";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private static long? ParseVersion(string? text)
    {
        if (string.IsNullOrEmpty(text) || text == "0")
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw ApiError.BadRequest($"resourceVersion \"{text}\" is not a valid resource version");
    }
}
