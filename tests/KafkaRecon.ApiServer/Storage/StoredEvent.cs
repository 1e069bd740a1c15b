using System.Text.Json.Nodes;

namespace KafkaRecon.ApiServer.Storage;

/// <summary>One change in the global history. <see cref="Previous"/> lets a filtered watch see objects leave its selector.</summary>
internal sealed record StoredEvent(
    long ResourceVersion,
    string StorageKey,
    string Namespace,
    string Name,
    WatchEventKind Kind,
    JsonObject Object,
    JsonObject? Previous);
