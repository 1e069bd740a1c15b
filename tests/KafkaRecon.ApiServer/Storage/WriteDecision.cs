using System.Text.Json.Nodes;

namespace KafkaRecon.ApiServer.Storage;

/// <summary>What a write does to the stored object, decided under the store lock from the current object.</summary>
internal sealed record WriteDecision(WriteDecision.Action What, JsonObject? Object)
{
    public enum Action
    {
        Nothing,
        Put,
        Remove,
    }

    /// <summary>No change: no new resourceVersion and no watch event (the server skips no-op updates).</summary>
    public static WriteDecision Nothing(JsonObject? current) => new(Action.Nothing, current);

    public static WriteDecision Put(JsonObject next) => new(Action.Put, next);

    /// <summary>Remove the object; <paramref name="final"/> is what the DELETED event carries.</summary>
    public static WriteDecision Remove(JsonObject final) => new(Action.Remove, final);
}
