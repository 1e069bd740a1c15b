using System.Text.Json.Nodes;
using KafkaRecon.ApiServer.Http;
using KafkaRecon.ApiServer.Json;
using KafkaRecon.ApiServer.Resources;
using KafkaRecon.ApiServer.Storage;
using KafkaRecon.ApiServer.Validation;

namespace KafkaRecon.ApiServer.Semantics;

/// <summary>CREATE, PUT, PATCH and DELETE with the API server's semantics, on top of the <see cref="ResourceStore"/>.</summary>
internal sealed class ObjectWriter(ResourceStore store, ResourceTypeRegistry types, TimeProvider time)
{
    public JsonObject Create(ResourceType type, string @namespace, JsonObject body, WriteContext context)
    {
        CheckKind(type, body);
        var obj = (JsonObject)body.DeepClone();
        var meta = ObjectMeta.Of(obj);
        if (ObjectMeta.Text(obj, "resourceVersion") is { Length: > 0 })
        {
            throw ApiError.BadRequest("resourceVersion should not be set on objects to be created");
        }

        CheckNamespace(type, @namespace, obj);
        var name = ObjectMeta.Text(obj, "name") is { Length: > 0 } given
            ? given
            : ObjectMeta.Text(obj, "generateName") is { Length: > 0 } prefix
                ? ObjectNames.Generate(prefix)
                : throw ApiError.Invalid(type.Kind, type.Group, "",
                    [new FieldCause("FieldValueRequired", "metadata.name", "Required value: name or generateName is required")]);

        meta["name"] = name;
        foreach (var field in new[] { "uid", "creationTimestamp", "generation", "deletionTimestamp", "deletionGracePeriodSeconds" })
        {
            meta.Remove(field);
        }

        if (type.Namespaced)
        {
            meta["namespace"] = @namespace;
        }

        if (type.HasStatusSubresource)
        {
            obj.Remove("status");
        }

        ObjectAdmission.Admit(type, obj, name, context, isCreate: true);
        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = RfcTimestamp.Format(time.GetUtcNow());
        if (type.TracksGeneration)
        {
            meta["generation"] = 1;
        }

        if (type.Namespaced)
        {
            EnsureNamespace(@namespace);
        }

        return store.Write(type, @namespace, name, current => current is null
            ? WriteDecision.Put(obj)
            : throw ApiError.AlreadyExists(type.Plural, type.Group, name))!;
    }

    public JsonObject Replace(ResourceType type, string @namespace, string name, JsonObject body, bool statusWrite, WriteContext context)
    {
        CheckKind(type, body);
        if (ObjectMeta.Text(body, "name") is { } bodyName && bodyName != name)
        {
            throw ApiError.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        CheckNamespace(type, @namespace, body);
        var requestedVersion = ObjectMeta.Text(body, "resourceVersion");
        if (string.IsNullOrEmpty(requestedVersion) && !type.AllowUnconditionalUpdate)
        {
            throw ApiError.Invalid(type.Kind, type.Group, name,
                [new FieldCause("FieldValueInvalid", "metadata.resourceVersion", "Invalid value: 0x0: must be specified for an update")]);
        }

        return store.Write(type, @namespace, name, current =>
        {
            if (current is null)
            {
                throw ApiError.NotFound(type.Plural, type.Group, name);
            }

            if (!string.IsNullOrEmpty(requestedVersion) && requestedVersion != ObjectMeta.Text(current, "resourceVersion"))
            {
                throw ApiError.Conflict(type.Plural, type.Group, name);
            }

            return UpdateComposer.Compose(type, current, body, statusWrite, context);
        })!;
    }

    public JsonObject Patch(ResourceType type, string @namespace, string name, PatchBody patch, bool statusWrite, WriteContext context)
    {
        if (patch.IsApply && store.Get(type, @namespace, name) is null)
        {
            var created = patch.Document as JsonObject ?? throw ApiError.BadRequest("an apply patch must be an object");
            ObjectMeta.Of(created)["name"] = name;
            return Create(type, @namespace, created, context);
        }

        return store.Write(type, @namespace, name, current =>
        {
            if (current is null)
            {
                throw ApiError.NotFound(type.Plural, type.Group, name);
            }

            var patched = patch.ApplyTo(current) as JsonObject
                ?? throw new ApiError(422, "Invalid", "the patch did not produce an object");
            var currentVersion = ObjectMeta.Text(current, "resourceVersion");
            if (ObjectMeta.Text(patched, "resourceVersion") is { Length: > 0 } precondition && precondition != currentVersion)
            {
                throw ApiError.Conflict(type.Plural, type.Group, name);
            }

            if (ObjectMeta.Text(patched, "name") is { } patchedName && patchedName != name)
            {
                throw ApiError.BadRequest($"the name of the object ({patchedName}) does not match the name on the URL ({name})");
            }

            return UpdateComposer.Compose(type, current, patched, statusWrite, context);
        })!;
    }

    /// <summary>Deletes at once without finalizers; with finalizers marks the object deleting and keeps it.</summary>
    /// <returns>The object and whether it is gone.</returns>
    public (JsonObject Object, bool Removed) Delete(ResourceType type, string @namespace, string name, JsonObject? options)
    {
        var removed = false;
        var result = store.Write(type, @namespace, name, current =>
        {
            if (current is null)
            {
                throw ApiError.NotFound(type.Plural, type.Group, name);
            }

            CheckPreconditions(type, current, options?["preconditions"] as JsonObject);
            if (ObjectMeta.Finalizers(current).Count == 0)
            {
                removed = true;
                return WriteDecision.Remove(current);
            }

            if (ObjectMeta.IsDeleting(current))
            {
                return WriteDecision.Nothing(current);
            }

            var deleting = (JsonObject)current.DeepClone();
            var meta = ObjectMeta.Of(deleting);
            meta["deletionTimestamp"] = RfcTimestamp.Format(time.GetUtcNow());
            meta["deletionGracePeriodSeconds"] = 0;
            if (type.TracksGeneration)
            {
                meta["generation"] = ObjectMeta.Generation(current) + 1;
            }

            return WriteDecision.Put(deleting);
        })!;
        return (result, removed);
    }

    private static void CheckPreconditions(ResourceType type, JsonObject current, JsonObject? preconditions)
    {
        var name = ObjectMeta.Name(current);
        if (preconditions?["uid"]?.GetValue<string>() is { } uid && uid != ObjectMeta.Text(current, "uid"))
        {
            throw new ApiError(409, "Conflict",
                $"Operation cannot be fulfilled on {ApiError.GroupResource(type.Plural, type.Group)} \"{name}\": Precondition failed: UID in precondition: {uid}, UID in object meta: {ObjectMeta.Text(current, "uid")}",
                ApiError.Details(name, type.Group, type.Plural));
        }

        if (preconditions?["resourceVersion"]?.GetValue<string>() is { } version && version != ObjectMeta.Text(current, "resourceVersion"))
        {
            throw new ApiError(409, "Conflict",
                $"Operation cannot be fulfilled on {ApiError.GroupResource(type.Plural, type.Group)} \"{name}\": Precondition failed: ResourceVersion in precondition: {version}, ResourceVersion in object meta: {ObjectMeta.Text(current, "resourceVersion")}",
                ApiError.Details(name, type.Group, type.Plural));
        }
    }

    /// <summary>
    /// Built-in kinds take apiVersion/kind from the URL when the body omits them (the client's typed models do);
    /// custom resources must name their kind, as the unstructured decoder requires.
    /// </summary>
    private static void CheckKind(ResourceType type, JsonObject body)
    {
        var kind = body["kind"]?.GetValue<string>();
        var apiVersion = body["apiVersion"]?.GetValue<string>();
        if (string.IsNullOrEmpty(kind) && !type.IsCustom)
        {
            body["kind"] = kind = type.Kind;
            body["apiVersion"] = apiVersion = type.ApiVersion;
        }

        if (string.IsNullOrEmpty(kind))
        {
            throw ApiError.BadRequest("Object 'Kind' is missing in the request body");
        }

        if (kind != type.Kind || (apiVersion is not null && apiVersion != type.ApiVersion))
        {
            throw ApiError.BadRequest(
                $"the API version in the data ({apiVersion}) and kind ({kind}) do not match the resource {type.Plural} of {type.ApiVersion} (kind {type.Kind})");
        }
    }

    private static void CheckNamespace(ResourceType type, string @namespace, JsonObject body)
    {
        if (type.Namespaced && ObjectMeta.Text(body, "namespace") is { Length: > 0 } given && given != @namespace)
        {
            throw ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
    }

    /// <summary>Namespaces come into existence with their first object; the fake does not make tests create them.</summary>
    private void EnsureNamespace(string @namespace)
    {
        var namespaces = types.Find("", "v1", "namespaces")!;
        store.Write(namespaces, "", @namespace, current => current is not null
            ? WriteDecision.Nothing(current)
            : WriteDecision.Put(new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Namespace",
                ["metadata"] = new JsonObject
                {
                    ["name"] = @namespace,
                    ["uid"] = Guid.NewGuid().ToString(),
                    ["creationTimestamp"] = RfcTimestamp.Format(time.GetUtcNow()),
                },
                ["status"] = new JsonObject { ["phase"] = "Active" },
            }));
    }
}
