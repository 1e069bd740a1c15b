namespace KafkaRecon.Operator.Kubernetes.Watching;

/// <summary>
/// Recognises a watch the server ended cleanly before sending anything: the client's line reader reports it as
/// <see cref="HttpRequestException"/> wrapping <see cref="EndOfStreamException"/>. A real API server does this every
/// <c>timeoutSeconds</c> on a quiet scope (it sends no BOOKMARK until its watch cache has seen an event), so it is a
/// normal end, not a failure. A connection cut mid-response surfaces as an IOException instead and stays a failure.
/// </summary>
internal static class EmptyWatchEnd
{
    public static bool Matches(Exception error) =>
        error is HttpRequestException { InnerException: EndOfStreamException };
}
