namespace KafkaRecon.Operator.Kubernetes.Watching;

/// <summary>How watches are bounded and how quickly they are re-established after a failure.</summary>
internal sealed record WatchOptions
{
    /// <summary>Server-side bound of one WATCH request; below common 10-minute idle cuts of proxies and LBs.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Extra time past <see cref="Timeout"/> before a silent stream counts as stalled and is abandoned: some networks
    /// drop a watch without closing it, and the client would otherwise wait forever.
    /// </summary>
    public TimeSpan StallGrace { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Source of backoff jitter in [0, 1); tests pin it.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;
}
