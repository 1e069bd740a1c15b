using System.Text.Json.Nodes;
using KafkaRecon.ApiServer.Http;
using KafkaRecon.ApiServer.Resources;
using KafkaRecon.ApiServer.Storage;

namespace KafkaRecon.ApiServer.Semantics;

/// <summary>
/// Turns (current object, incoming object) into the stored result the way the API server's update strategy does:
/// the status subresource splits writes, system metadata is kept, generation moves only with the spec, no finalizer
/// may be added while deleting, the last finalizer removed on a deleting object deletes it, and a no-op is no write.
/// </summary>
internal static class UpdateComposer
{
    private static readonly string[] SystemMetadata =
        ["uid", "creationTimestamp", "generation", "deletionTimestamp", "deletionGracePeriodSeconds", "namespace", "name"];

    public static WriteDecision Compose(ResourceType type, JsonObject current, JsonObject incoming, bool statusWrite, WriteContext context)
    {
        var name = ObjectMeta.Name(current);
        var next = statusWrite ? StatusOnly(current, incoming) : MainOnly(type, current, incoming);
        RejectNewFinalizersWhileDeleting(type, current, next, name);
        ObjectAdmission.Admit(type, next, name, context, isCreate: false);

        if (type.TracksGeneration && !SameDesiredState(type, current, next))
        {
            ObjectMeta.Of(next)["generation"] = ObjectMeta.Generation(current) + 1;
        }

        ObjectMeta.Of(next)["resourceVersion"] = ObjectMeta.Text(current, "resourceVersion");
        if (JsonNode.DeepEquals(next, current))
        {
            return WriteDecision.Nothing(current);
        }

        return ObjectMeta.IsDeleting(next) && ObjectMeta.Finalizers(next).Count == 0
            ? WriteDecision.Remove(next)
            : WriteDecision.Put(next);
    }

    private static JsonObject StatusOnly(JsonObject current, JsonObject incoming)
    {
        var next = (JsonObject)current.DeepClone();
        if (incoming["status"] is { } status)
        {
            next["status"] = status.DeepClone();
        }
        else
        {
            next.Remove("status");
        }

        return next;
    }

    private static JsonObject MainOnly(ResourceType type, JsonObject current, JsonObject incoming)
    {
        var next = (JsonObject)incoming.DeepClone();
        var nextMeta = ObjectMeta.Of(next);
        var currentMeta = ObjectMeta.Of(current);
        foreach (var field in SystemMetadata)
        {
            nextMeta.Remove(field);
            if (currentMeta[field] is { } value)
            {
                nextMeta[field] = value.DeepClone();
            }
        }

        if (type.HasStatusSubresource)
        {
            next.Remove("status");
            if (current["status"] is { } status)
            {
                next["status"] = status.DeepClone();
            }
        }

        return next;
    }

    private static void RejectNewFinalizersWhileDeleting(ResourceType type, JsonObject current, JsonObject next, string name)
    {
        if (!ObjectMeta.IsDeleting(current))
        {
            return;
        }

        var added = ObjectMeta.Finalizers(next).Except(ObjectMeta.Finalizers(current)).ToList();
        if (added.Count > 0)
        {
            var listed = string.Join(", ", added.Select(finalizer => $"\"{finalizer}\""));
            throw ApiError.Invalid(type.Kind, type.Group, name,
                [new FieldCause("FieldValueForbidden", "metadata.finalizers",
                    $"Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{{{listed}}}")]);
        }
    }

    /// <summary>Everything but metadata (and status, when it is a subresource) is the desired state.</summary>
    private static bool SameDesiredState(ResourceType type, JsonObject current, JsonObject next)
    {
        return JsonNode.DeepEquals(Desired(current), Desired(next));

        JsonObject Desired(JsonObject obj)
        {
            var copy = (JsonObject)obj.DeepClone();
            copy.Remove("metadata");
            if (type.HasStatusSubresource)
            {
                copy.Remove("status");
            }

            return copy;
        }
    }
}
