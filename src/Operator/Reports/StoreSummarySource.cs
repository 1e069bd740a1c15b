using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Reports;

/// <summary>Reads the summary from whichever store holds its location (local folder or S3).</summary>
internal sealed class StoreSummarySource(Func<string, IObjectStore> storeFor) : ISummarySource
{
    public Task<ReportSummary> ReadAsync(string location, CancellationToken cancellationToken) =>
        new ReportSummaryReader(storeFor(location)).ReadAsync(location, cancellationToken);
}
