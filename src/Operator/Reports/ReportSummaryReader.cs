using System.Text.Json;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Reports;

/// <summary>Reads a run's <c>summary.json</c> (the Verify phase's only input) from any object store.</summary>
internal sealed class ReportSummaryReader(IObjectStore store)
{
    /// <summary>The summary at <paramref name="location"/>, or null when there is none (yet).</summary>
    public async Task<ReportSummary?> TryReadAsync(string location, CancellationToken cancellationToken)
    {
        if (!await store.ExistsAsync(location, cancellationToken))
        {
            return null;
        }
        return await ReadAsync(location, cancellationToken);
    }

    public async Task<ReportSummary> ReadAsync(string location, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(location, cancellationToken);
        try
        {
            return await JsonSerializer.DeserializeAsync<ReportSummary>(stream, ReportSummaryJson.Options, cancellationToken)
                ?? throw new InvalidDataException($"Report summary '{location}' is empty (JSON null).");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException(
                $"Report summary '{location}' is not a valid summary: {exception.Message}", exception);
        }
    }
}
