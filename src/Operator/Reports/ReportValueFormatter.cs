using System.Globalization;

namespace KafkaRecon.Operator.Reports;

/// <summary>Turns a SQL value into the report's string form, as Athena's VarCharValue would show it.</summary>
internal static class ReportValueFormatter
{
    public const string Null = "null";

    public static string Format(object? value) => value switch
    {
        null or DBNull => Null,
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? Null,
    };
}
