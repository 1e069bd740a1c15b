namespace KafkaRecon.ApiServer.Storage;

/// <summary>A watch asked for changes the bounded history no longer holds.</summary>
internal sealed class ResourceVersionExpiredException(long requested, long oldest)
    : Exception($"too old resource version: {requested} ({oldest})");
