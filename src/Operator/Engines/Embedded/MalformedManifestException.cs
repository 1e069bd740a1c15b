namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>A manifest line no engine can read (for example not UTF-8); retrying cannot help until it is fixed.</summary>
internal sealed class MalformedManifestException(string message) : Exception(message);
