using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KafkaRecon.Operator.Reports;

/// <summary>
/// The JSON report (<c>&lt;run&gt;_results.json</c>) in the reference's shape, 4-space indented: executed_by,
/// execution_time (epoch seconds as a string), query_results[{query_details (the metadata verbatim), query_results
/// (rows keyed by column name, every value a string, NULL as "null")}]. A partial report also carries
/// <c>partial: true</c> and <c>failed_queries</c> (name and error of each failed query; they have no entry above).
/// A run with rejected lines ends with <c>rejected_lines</c>: the total, the count per side and reason, and up to 20 samples (side, reason,
/// file, first 200 characters), the lines read but not compared (docs/comparison-semantics.md).
/// </summary>
internal static class JsonReportWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 4,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(Report report)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("executed_by", report.ExecutedBy);
            writer.WriteString("execution_time", EpochSeconds(report.ExecutionTime));
            writer.WriteStartArray("query_results");
            foreach (var outcome in report.Succeeded)
            {
                WriteOutcome(writer, outcome);
            }
            writer.WriteEndArray();
            if (report.Partial)
            {
                writer.WriteBoolean("partial", true);
                writer.WriteStartArray("failed_queries");
                foreach (var failure in report.Failures)
                {
                    writer.WriteStartObject();
                    writer.WriteString("query_name", failure.Query.Name);
                    writer.WriteString("error", failure.Error);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            if (report.RejectedTotal > 0)
            {
                WriteRejectedLines(writer, report);
            }
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Seconds since the epoch with microseconds, like Python's <c>str(datetime.timestamp())</c>.</summary>
    public static string EpochSeconds(DateTimeOffset time)
    {
        var microseconds = (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        return (microseconds / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." +
               (microseconds % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static void WriteRejectedLines(Utf8JsonWriter writer, Report report)
    {
        writer.WriteStartObject("rejected_lines");
        writer.WriteString("total", report.RejectedTotal.ToString(CultureInfo.InvariantCulture));
        writer.WriteStartArray("counts");
        foreach (var count in report.RejectedLines)
        {
            writer.WriteStartObject();
            writer.WriteString("side", count.Side);
            writer.WriteString("reason", count.Reason);
            writer.WriteString("lines", count.Lines.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("samples");
        foreach (var sample in report.RejectedSamples)
        {
            writer.WriteStartObject();
            writer.WriteString("side", sample.Side);
            writer.WriteString("reason", sample.Reason);
            writer.WriteString("file", sample.File);
            if (sample.Line is { } line)
            {
                writer.WriteString("line", line.ToString(CultureInfo.InvariantCulture));
            }
            writer.WriteString("sample", sample.Sample);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteOutcome(Utf8JsonWriter writer, QueryOutcome outcome)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("query_details");
        outcome.Query.Metadata.WriteTo(writer);
        writer.WriteStartArray("query_results");
        foreach (var row in outcome.Rows)
        {
            writer.WriteStartObject();
            for (var column = 0; column < outcome.Columns.Count; column++)
            {
                writer.WriteString(outcome.Columns[column], column < row.Count ? row[column] : ReportValueFormatter.Null);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
