using KafkaRecon.Operator.Reports;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>
/// Writes a run's JSON report, text report and summary to its <see cref="RunLayout"/> locations. A report with
/// failed queries is written anyway, flagged partial, naming the failed queries.
/// </summary>
internal interface IReportWriter
{
    Task<ReportSummary> WriteAsync(
        PhaseContext context, IReadOnlyList<ReportQueryOutcome> outcomes, CancellationToken cancellationToken);
}
