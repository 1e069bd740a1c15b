using System.Diagnostics;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// A working embedded-engine resource in a temporary folder, written so a test can replace one field with hostile
/// input and run it through the real <c>kafka-recon run -f</c>.
/// </summary>
internal sealed class HostileResource : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("krecon-hostile-");

    public HostileResource()
    {
        Directory.CreateDirectory(Import);
        Directory.CreateDirectory(Export);
        File.WriteAllLines(Path.Combine(Import, "db.coll_0_1-db.coll_0_2.txt"),
            ["a|1709251200000|db|coll|STREAMED|K2HB|a|KAFKA_RECORD"]);
        File.WriteAllLines(Path.Combine(Export, "db.coll-000-001-000001.csv"),
            ["fa|1709251200000|db|coll|EXPORT|K2HB|a|MONGO_INSERT"]);
    }

    public string Root => root.FullName;
    public string Import => Path.Combine(Root, "import");
    public string Export => Path.Combine(Root, "export");
    public string Output => Path.Combine(Root, "out");

    public string Name { get; set; } = "hostile";
    public string Window { get; set; } = "start: 2024-03-01T00:00:00Z";
    public string ImportLocation { get; set; } = "";
    public string ExportLocation { get; set; } = "";
    public string OutputLocation { get; set; } = "";

    /// <summary>Further spec lines, indented two spaces (e.g. "  retries:\n    query: -1").</summary>
    public string ExtraSpec { get; set; } = "";

    /// <summary>The resource YAML; a location left empty here means the fixture's own folder, quoted.</summary>
    public string Yaml() => $"""
        apiVersion: kafkarecon.io/v1alpha1
        kind: KafkaReconciliation
        metadata:
          name: {Name}
        spec:
          engine: embedded
          window:
            {Window}
          manifests:
            importLocation: {Or(ImportLocation, Import)}
            exportLocation: {Or(ExportLocation, Export)}
          output:
            location: {Or(OutputLocation, Output)}
        {ExtraSpec}
        """;

    public string Write(string? yaml = null)
    {
        var path = Path.Combine(Root, "recon.yaml");
        File.WriteAllText(path, yaml ?? Yaml());
        return path;
    }

    /// <summary>Writes the resource and runs it in-process; returns the exit code, stderr and how long it took.</summary>
    public async Task<(int Exit, string Error, TimeSpan Took)> RunAsync(string? yaml = null)
    {
        var file = Write(yaml);
        var clock = Stopwatch.StartNew();
        var (exit, _, error) = await CliRun.RunAsync("run", "-f", file);
        return (exit, error, clock.Elapsed);
    }

    public void Dispose()
    {
        foreach (var entry in root.EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            entry.Attributes = FileAttributes.Normal;
        }
        root.Delete(recursive: true);
    }

    private static string Or(string value, string fallback) => value.Length > 0 ? value : $"\"{fallback}\"";
}
