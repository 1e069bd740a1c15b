using System.Text.Json.Nodes;
using KafkaRecon.ApiServer.Http;
using KafkaRecon.ApiServer.Resources;

namespace KafkaRecon.ApiServer.Semantics;

/// <summary>What the server does to a custom resource before storing it: prune, default, validate (422 with causes).</summary>
internal static class ObjectAdmission
{
    public static void Admit(ResourceType type, JsonObject obj, string name, WriteContext context, bool isCreate)
    {
        var causes = new List<FieldCause>();
        if (isCreate && ObjectNames.Validate(name) is { } nameCause)
        {
            causes.Add(nameCause);
        }

        if (type.Schema is { } schema)
        {
            var unknown = schema.PruneAndDefault(obj);
            if (unknown.Count > 0)
            {
                var listed = string.Join(", ", unknown.Select(path => $"unknown field \"{path}\""));
                switch (context.FieldValidation)
                {
                    case FieldValidationMode.Strict:
                        throw ApiError.BadRequest($"strict decoding error: {listed}");
                    case FieldValidationMode.Warn:
                        context.Warnings.AddRange(unknown.Select(path => $"unknown field \"{path}\""));
                        break;
                }
            }

            causes.AddRange(schema.Validate(obj));
        }

        if (causes.Count > 0)
        {
            throw ApiError.Invalid(type.Kind, type.Group, name, causes);
        }
    }
}
