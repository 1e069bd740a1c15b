namespace KafkaRecon.Operator.Inputs;

/// <summary>A manifest location that cannot be listed as the spec asks (missing, or not readable).</summary>
internal sealed class InputLocationException(string message) : Exception(message);
