namespace KafkaRecon.Operator.Aws;

/// <summary>AWS access is not configured well enough to make any call (region, endpoint, credentials).</summary>
internal sealed class AwsConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
