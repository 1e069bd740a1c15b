using System.Globalization;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Reports;

/// <summary>
/// Reads the rows of the record-sample queries (<see cref="SampleCategories.Query"/>): database, collection, id,
/// then the import timestamp, the export timestamp, or both (mismatched), every value as text.
/// </summary>
internal static class RecordSampleRows
{
    /// <summary>The samples of every category whose query is among <paramref name="rows"/>.</summary>
    /// <exception cref="FormatException">A timestamp is not an integer.</exception>
    public static RecordSamples From(IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string?>>> rows)
    {
        IList<RecordSample> Of(SampleCategory category) =>
            rows.TryGetValue(SampleCategories.Query(category), out var found)
                ? found.Select(row => Parse(category, row)).ToList()
                : new List<RecordSample>();
        return new RecordSamples
        {
            MissingExports = Of(SampleCategory.MissingExports),
            MissingImports = Of(SampleCategory.MissingImports),
            MismatchedTimestamps = Of(SampleCategory.MismatchedTimestamps),
        };
    }

    public static RecordSample Parse(SampleCategory category, IReadOnlyList<string?> row)
    {
        var sample = new RecordSample { Database = Text(row, 0), Collection = Text(row, 1), Id = Text(row, 2) };
        return category switch
        {
            SampleCategory.MissingExports => sample with { ImportTimestamp = Timestamp(row, 3, category) },
            SampleCategory.MissingImports => sample with { ExportTimestamp = Timestamp(row, 3, category) },
            _ => sample with { ImportTimestamp = Timestamp(row, 3, category), ExportTimestamp = Timestamp(row, 4, category) },
        };
    }

    private static string Text(IReadOnlyList<string?> row, int column) => column < row.Count ? row[column] ?? "" : "";

    private static long? Timestamp(IReadOnlyList<string?> row, int column, SampleCategory category)
    {
        var value = column < row.Count ? row[column] : null;
        if (value is null or "null")
        {
            return null;
        }
        return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException(
                $"{SampleCategories.Query(category)} column {column} is '{value}'; expected an epoch-milliseconds integer.");
    }
}
