using System.Text.Encodings.Web;
using System.Text.Json;

namespace KafkaRecon.Operator.Reports;

/// <summary>The one JSON form of <see cref="ReportSummary"/>, shared by its writer and reader.</summary>
internal static class ReportSummaryJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectRequiredConstructorParameters = true,
    };

    public static byte[] Serialize(ReportSummary summary) => JsonSerializer.SerializeToUtf8Bytes(summary, Options);
}
