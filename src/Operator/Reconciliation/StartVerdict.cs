namespace KafkaRecon.Operator.Reconciliation;

/// <summary>What <see cref="StartDecision"/> decided about a run that has not started its first phase.</summary>
internal abstract record StartVerdict
{
    private StartVerdict() { }

    /// <summary>The inputs must be looked at (listed, markers checked) before anything can be decided.</summary>
    public sealed record Observe : StartVerdict;

    /// <summary>Not yet: <paramref name="WaitingFor"/> says what for; look again at <paramref name="NextCheck"/>.</summary>
    public sealed record Wait(IReadOnlyList<string> WaitingFor, DateTimeOffset NextCheck, DateTimeOffset? Deadline)
        : StartVerdict;

    /// <summary>Start now: every condition is met, or maxWait ran out with <paramref name="Unmet"/> still open.</summary>
    public sealed record Go(IReadOnlyList<string> Unmet, bool TimedOut) : StartVerdict;
}
