namespace KafkaRecon.ApiServer.Json;

/// <summary>A JSON patch that cannot be applied to the current object (the API server answers 422).</summary>
internal sealed class JsonPatchException(string message) : Exception(message);
