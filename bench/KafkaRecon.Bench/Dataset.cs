using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace KafkaRecon.Bench;

/// <summary>
/// A generated sample cached by its parameters under the cache folder, and throw-away working copies of it: the
/// coalesce phase rewrites the manifest folders, so every measured run gets a hard-linked copy (no data copied).
/// </summary>
internal sealed class Dataset(string cacheFolder, long records, double missingPercent)
{
    public string Folder { get; } = Path.GetFullPath(Path.Combine(cacheFolder,
        string.Create(CultureInfo.InvariantCulture, $"data-r{records}-m{missingPercent}")));

    public long Records => records;

    public async Task EnsureAsync(string kafkaRecon, TextWriter log)
    {
        if (File.Exists(Path.Combine(Folder, "truth.json")))
        {
            return;
        }
        log.WriteLine($"generating {records:N0} records per side ({missingPercent}% missing) into {Folder} ...");
        var result = await MeasuredProcess.RunAsync(kafkaRecon,
        [
            "generate", "--out", Folder, "--records", records.ToString(CultureInfo.InvariantCulture),
            "--missing-percent", missingPercent.ToString(CultureInfo.InvariantCulture), "--force",
        ]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"kafka-recon generate failed ({result.ExitCode}): {result.Stderr}{result.Stdout}");
        }
        log.WriteLine(result.Stdout.Trim());
    }

    public IReadOnlyDictionary<string, long> Truth()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "truth.json")));
        var totals = document.RootElement.GetProperty("totals");
        return BaselineQuery.TotalNames.ToDictionary(name => name, name => totals.GetProperty(name).GetInt64());
    }

    public long InputLines()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "truth.json")));
        return Lines(document.RootElement, "import") + Lines(document.RootElement, "export");

        static long Lines(JsonElement root, string side) =>
            root.TryGetProperty(side, out var stats) && stats.TryGetProperty("lines", out var lines) ? lines.GetInt64() : 0;
    }

    /// <summary>A fresh hard-linked copy of the manifests and a resource reading it, with the given spec additions.</summary>
    public string WorkingCopy(string name, bool coalesce, string? memoryLimit)
    {
        var work = Path.Combine(Path.GetDirectoryName(Folder)!, "work", name);
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
        Directory.CreateDirectory(work);
        foreach (var side in new[] { "import", "export" })
        {
            using var copy = Process.Start("cp", ["-al", Path.Combine(Folder, side), Path.Combine(work, side)]);
            copy.WaitForExit();
            if (copy.ExitCode != 0)
            {
                throw new InvalidOperationException($"cp -al of {side} into {work} failed ({copy.ExitCode}).");
            }
        }
        var yaml = File.ReadAllText(Path.Combine(Folder, "reconciliation.yaml"))
            .Replace(Quoted(Path.Combine(Folder, "import")), Quoted(Path.Combine(work, "import")), StringComparison.Ordinal)
            .Replace(Quoted(Path.Combine(Folder, "export")), Quoted(Path.Combine(work, "export")), StringComparison.Ordinal)
            .Replace(Quoted(Path.Combine(Folder, "output")), Quoted(Path.Combine(work, "output")), StringComparison.Ordinal)
            .TrimEnd() + "\n";
        yaml += $"  coalesce:\n    enabled: {(coalesce ? "true" : "false")}\n";
        if (memoryLimit is not null)
        {
            yaml += $"  transform:\n    memoryLimit: {memoryLimit}\n";
        }
        var resource = Path.Combine(work, "reconciliation.yaml");
        File.WriteAllText(resource, yaml);
        return resource;
    }

    public static void Discard(string resource) =>
        Directory.Delete(Path.GetDirectoryName(resource)!, recursive: true);

    private static string Quoted(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
