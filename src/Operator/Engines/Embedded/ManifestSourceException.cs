namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>The manifests cannot be read as given; retrying will not help until the input or spec changes.</summary>
internal sealed class ManifestSourceException(string message) : Exception(message);
