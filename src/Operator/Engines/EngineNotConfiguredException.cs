namespace KafkaRecon.Operator.Engines;

/// <summary>
/// The engines of a <c>spec.engine</c> cannot be built in this process (no AWS region, a malformed endpoint): no
/// retry can help until the operator's configuration changes, so the phase fails at once with this message.
/// </summary>
internal sealed class EngineNotConfiguredException(string message, Exception? inner = null) : Exception(message, inner);
