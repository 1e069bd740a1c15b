namespace KafkaRecon.Operator.Reports;

/// <summary>One run's report: every selected query's outcome in execution order (set, then order).</summary>
internal sealed record Report(string ExecutedBy, DateTimeOffset ExecutionTime, IReadOnlyList<QueryOutcome> Outcomes)
{
    public IReadOnlyList<QueryOutcome> Succeeded => Outcomes.Where(outcome => !outcome.Failed).ToList();

    public IReadOnlyList<QueryOutcome> Failures => Outcomes.Where(outcome => outcome.Failed).ToList();

    public bool Partial => Outcomes.Any(outcome => outcome.Failed);
}
