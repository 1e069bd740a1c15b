namespace KafkaRecon.ApiServer.Diagnostics;

/// <summary>One request the server received. <see cref="StatusCode"/> is 0 until the response has started.</summary>
public sealed class RecordedRequest(string method, string verb, string path, string query, string? resource, string? subresource, string? @namespace)
{
    public string Method { get; } = method;

    /// <summary>The Kubernetes verb: get, list, watch, create, update, patch, delete, or "discovery".</summary>
    public string Verb { get; } = verb;

    public string Path { get; } = path;

    public string Query { get; } = query;

    public string? Resource { get; } = resource;

    public string? Subresource { get; } = subresource;

    public string? Namespace { get; } = @namespace;

    public int StatusCode { get; internal set; }

    public override string ToString() => $"{Method} {Path}{Query} ({Verb}) -> {StatusCode}";
}
