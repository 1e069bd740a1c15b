using System.Globalization;

namespace KafkaRecon.Operator.Generation;

/// <summary>The sample's ready-to-run <c>KafkaReconciliation</c> (embedded engine, the sample's window and folders).</summary>
internal static class ReconciliationResourceText
{
    public const string ResourceName = "sample";

    public static string Yaml(SampleLayout layout, SampleWindow window)
    {
        var start = DateTimeOffset.FromUnixTimeMilliseconds(window.StartMs).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var end = DateTimeOffset.FromUnixTimeMilliseconds(window.EndMs).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return $"""
            # Written by 'kafka-recon generate'; the expected results are in truth.json next to this file.
            apiVersion: kafkarecon.io/v1alpha1
            kind: KafkaReconciliation
            metadata:
              name: {ResourceName}
            spec:
              engine: embedded
              window:
                start: "{start}"
                end: "{end}"
                marginMinutes: {window.MarginMinutes.ToString(CultureInfo.InvariantCulture)}
              manifests:
                importLocation: {Quoted(Path.GetFullPath(layout.ImportRoot))}
                exportLocation: {Quoted(Path.GetFullPath(layout.ExportRoot))}
              output:
                location: {Quoted(Path.GetFullPath(layout.OutputRoot))}

            """;
    }

    private static string Quoted(string value) => "'" + value.Replace("'", "''") + "'";
}
