using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Reports;

/// <summary>
/// Writes a run's report pair and then its summary. The summary is written last, so its presence means the
/// report next to it is complete (each object is itself written whole or not at all).
/// </summary>
internal sealed class ReportPublisher(IObjectStore store)
{
    public async Task PublishAsync(RunLayout layout, Report report, ReportSummary summary, CancellationToken cancellationToken)
    {
        await WriteAsync(layout.JsonReport, JsonReportWriter.Write(report), cancellationToken);
        await WriteAsync(layout.TextReport, TextReportWriter.Write(report), cancellationToken);
        await WriteAsync(layout.Summary, ReportSummaryJson.Serialize(summary), cancellationToken);
    }

    private async Task WriteAsync(string location, byte[] content, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content, writable: false);
        await store.WriteAsync(location, stream, cancellationToken);
    }
}
