namespace KafkaRecon.ApiServer.Validation.Cel;

/// <summary>A rule could not be evaluated on this value (missing key, no overload); the write is rejected.</summary>
internal sealed class CelEvaluationException(string message) : Exception(message);
