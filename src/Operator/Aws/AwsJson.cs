using System.Text.Json;
using System.Text.Json.Serialization;

namespace KafkaRecon.Operator.Aws;

/// <summary>JSON settings of the AWS wire formats: members as declared (Athena, Glue) or camelCase (Batch).</summary>
internal static class AwsJson
{
    public static readonly JsonSerializerOptions PascalCase = Create(null);

    public static readonly JsonSerializerOptions CamelCase = Create(JsonNamingPolicy.CamelCase);

    private static JsonSerializerOptions Create(JsonNamingPolicy? naming) => new()
    {
        PropertyNamingPolicy = naming,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
