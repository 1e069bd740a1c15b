using System.Text.Json.Nodes;

namespace KafkaRecon.ApiServer.Validation;

/// <summary>Applies <c>default</c> values top-down: a missing property with a default gets it, then its children too.</summary>
internal static class SchemaDefaulter
{
    public static void Apply(JsonNode? node, JsonObject schema)
    {
        switch (node)
        {
            case JsonObject obj:
                if (Schema.Properties(schema) is { } properties)
                {
                    foreach (var (name, propertyNode) in properties)
                    {
                        if (propertyNode is JsonObject propertySchema
                            && !obj.ContainsKey(name)
                            && propertySchema.TryGetPropertyValue("default", out var defaultValue))
                        {
                            obj[name] = defaultValue?.DeepClone();
                        }
                    }
                }

                foreach (var (name, child) in obj.ToList())
                {
                    if (Schema.Member(schema, name) is { } childSchema)
                    {
                        Apply(child, childSchema);
                    }
                }

                break;
            case JsonArray array when Schema.Items(schema) is { } items:
                foreach (var item in array)
                {
                    Apply(item, items);
                }

                break;
        }
    }
}
