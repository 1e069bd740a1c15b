using System.Text.Json;

namespace KafkaRecon.Operator.Aws;

/// <summary>How one AWS service is addressed: its wire protocol, signing name and endpoint prefix.</summary>
internal sealed record AwsService(
    string Name, string SigningName, string EndpointPrefix, AwsProtocol Protocol, string? TargetPrefix,
    JsonSerializerOptions Json)
{
    public static readonly AwsService Athena = new(
        "athena", "athena", "athena", AwsProtocol.AwsJson11, "AmazonAthena", AwsJson.PascalCase);

    public static readonly AwsService Glue = new(
        "glue", "glue", "glue", AwsProtocol.AwsJson11, "AWSGlue", AwsJson.PascalCase);

    public static readonly AwsService Batch = new(
        "batch", "batch", "batch", AwsProtocol.RestJson, null, AwsJson.CamelCase);
}
