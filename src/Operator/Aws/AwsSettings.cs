namespace KafkaRecon.Operator.Aws;

/// <summary>The AWS settings given on the command line (<c>--aws-endpoint</c>); the rest comes from the environment.</summary>
internal sealed record AwsSettings(string? Endpoint);
