namespace KafkaRecon.Operator.Reports;

/// <summary>Reads a run's report summary (local file or S3 object) for the Verify phase.</summary>
internal interface ISummarySource
{
    Task<ReportSummary> ReadAsync(string location, CancellationToken cancellationToken);
}
