namespace KafkaRecon.Operator.Generation;

/// <summary>CSV quoting as the manifests use it: a field with a pipe, quote or line break is quoted, quotes doubled.</summary>
internal static class SampleCsv
{
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny("|\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
}
