namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// A throw-away folder with import and export manifests of the tests' own choosing and a resource reading them, for
/// the issue 12 cases about what the comparison reads (rejected lines, empty windows).
/// </summary>
internal sealed class ManifestRunFolder : IDisposable
{
    public const string WindowStart = "2024-03-01T00:00:00Z";
    public const long InWindowMs = 1709251200000;

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("krecon-manifests-");

    public string Import => Directory.CreateDirectory(Path.Combine(_root.FullName, "import")).FullName;
    public string Export => Directory.CreateDirectory(Path.Combine(_root.FullName, "export")).FullName;

    /// <summary>Writes the files (null: none) and a resource; returns the resource's path.</summary>
    public string Write(string[]? importLines, string[]? exportLines, string verification = "")
    {
        var import = Import;
        var export = Export;
        if (importLines is not null)
        {
            File.WriteAllText(Path.Combine(import, "db.coll-1.txt"), Lines(importLines));
        }
        if (exportLines is not null)
        {
            File.WriteAllText(Path.Combine(export, "db.coll-1.csv"), Lines(exportLines));
        }
        var path = Path.Combine(_root.FullName, "recon.yaml");
        File.WriteAllText(path, $"""
            apiVersion: kafkarecon.io/v1alpha1
            kind: KafkaReconciliation
            metadata:
              name: manifests
            spec:
              engine: embedded
              window:
                start: {WindowStart}
              manifests:
                importLocation: {import}
                exportLocation: {export}
              output:
                location: {Path.Combine(_root.FullName, "out")}
            {verification}
            """);
        return path;
    }

    public static string ImportLine(string id, string timestamp) => $"{id}|{timestamp}|db|coll|STREAMED|K2HB|{id}|KAFKA_RECORD";

    public static string ExportLine(string id, string timestamp) => $"f{id}|{timestamp}|db|coll|EXPORT|K2HB|{id}|MONGO_INSERT";

    private static string Lines(string[] lines) => lines.Length == 0 ? "" : string.Join("\n", lines) + "\n";

    public void Dispose() => _root.Delete(recursive: true);
}
