using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Reports;
using Spectre.Console;

namespace KafkaRecon.Operator.Cli;

/// <summary>
/// Prints listed records: a JSON array (the <c>status.results.samples</c> shape), CSV with a header row (RFC 4180
/// quoting), or a table for people. Only the timestamp columns the category has are printed.
/// </summary>
internal static class RecordListWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Write(
        TextWriter stdout, SampleCategory category, IReadOnlyList<RecordSample> records, RecordListFormat format)
    {
        switch (format)
        {
            case RecordListFormat.Json:
                stdout.WriteLine(JsonSerializer.Serialize(records, Json));
                break;
            case RecordListFormat.Csv:
                WriteCsv(stdout, category, records);
                break;
            default:
                WriteTable(LocalRunner.Console(stdout), category, records);
                break;
        }
    }

    private static IReadOnlyList<string> Columns(SampleCategory category) => category switch
    {
        SampleCategory.MissingExports => ["database", "collection", "id", "import_timestamp"],
        SampleCategory.MissingImports => ["database", "collection", "id", "export_timestamp"],
        _ => ["database", "collection", "id", "import_timestamp", "export_timestamp"],
    };

    private static IReadOnlyList<string> Values(SampleCategory category, RecordSample record)
    {
        static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
        return category switch
        {
            SampleCategory.MissingExports => [record.Database, record.Collection, record.Id, Number(record.ImportTimestamp)],
            SampleCategory.MissingImports => [record.Database, record.Collection, record.Id, Number(record.ExportTimestamp)],
            _ => [record.Database, record.Collection, record.Id, Number(record.ImportTimestamp), Number(record.ExportTimestamp)],
        };
    }

    private static void WriteCsv(TextWriter stdout, SampleCategory category, IReadOnlyList<RecordSample> records)
    {
        stdout.Write(string.Join(',', Columns(category)) + "\r\n");
        foreach (var record in records)
        {
            stdout.Write(string.Join(',', Values(category, record).Select(Quote)) + "\r\n");
        }
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void WriteTable(IAnsiConsole console, SampleCategory category, IReadOnlyList<RecordSample> records)
    {
        var table = new Table().Title($"{records.Count:N0} {Title(category)}");
        foreach (var column in Columns(category))
        {
            table.AddColumn(column);
        }
        foreach (var record in records)
        {
            table.AddRow(Values(category, record).Select(Markup.Escape).ToArray());
        }
        console.Write(table);
    }

    private static string Title(SampleCategory category) => category switch
    {
        SampleCategory.MissingExports => "imported records missing from the export",
        SampleCategory.MissingImports => "exported records missing from the import",
        _ => "records with mismatched timestamps",
    };
}
