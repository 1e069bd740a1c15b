namespace KafkaRecon.Operator.Reports;

/// <summary>
/// One run's report: every selected query's outcome in execution order (set, then order), and the lines of the
/// manifests that were read but not compared (counts per side and reason, and the first samples).
/// </summary>
internal sealed record Report(string ExecutedBy, DateTimeOffset ExecutionTime, IReadOnlyList<QueryOutcome> Outcomes)
{
    public IReadOnlyList<RejectedLineCount> RejectedLines { get; init; } = [];

    public IReadOnlyList<RejectedLineSample> RejectedSamples { get; init; } = [];

    public long RejectedTotal => RejectedLines.Sum(count => count.Lines);

    public IReadOnlyList<QueryOutcome> Succeeded => Outcomes.Where(outcome => !outcome.Failed).ToList();

    public IReadOnlyList<QueryOutcome> Failures => Outcomes.Where(outcome => outcome.Failed).ToList();

    public bool Partial => Outcomes.Any(outcome => outcome.Failed);
}
