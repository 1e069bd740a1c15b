using System.Text.Json.Nodes;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// Issue 12, case 2: a line that cannot be read is a rejected line, counted and shown, never silently dropped. Before,
/// an import with an unreadable timestamp whose export was also absent vanished: imported 9, missing 0, Succeeded.
/// </summary>
public sealed class RejectedLinesTests
{
    [Theory]
    [InlineData("abc", "bad_timestamp")]
    [InlineData("-5", "bad_timestamp")]
    [InlineData("+1709251200000", "bad_timestamp")]
    [InlineData(" 1709251200000", "bad_timestamp")]
    [InlineData("1709251200000.0", "bad_timestamp")]
    [InlineData("01709251200000", "bad_timestamp")]
    [InlineData("17092512000000000000", "bad_timestamp")]
    [InlineData("", "bad_timestamp")]
    public async Task Import_with_an_unreadable_timestamp_and_no_export_fails_the_run_as_a_rejected_line(
        string timestamp, string reason)
    {
        using var folder = new ManifestRunFolder();
        var ok = Enumerable.Range(0, 9).Select(i => $"id-{i}").ToList();
        var resource = folder.Write(
            [.. ok.Select(id => ManifestRunFolder.ImportLine(id, ManifestRunFolder.InWindowMs.ToString())),
                ManifestRunFolder.ImportLine("lost", timestamp)],
            [.. ok.Select(id => ManifestRunFolder.ExportLine(id, ManifestRunFolder.InWindowMs.ToString()))]);

        var (exit, stdout, stderr) = await CliRun.RunAsync("run", "-f", resource, "--output", "json");

        Assert.True(exit == 3, $"exit {exit}: {stdout}{stderr}");
        var status = JsonNode.Parse(stdout)!["status"]!;
        Assert.Equal(1, status["results"]!["rejectedLines"]!.GetValue<long>());
        Assert.Equal(9, status["results"]!["imported"]!.GetValue<long>());
        Assert.Contains("RejectedLines", stdout);
        var summary = Summary(folder);
        var count = Assert.Single(summary["rejectedLines"]!.AsArray());
        Assert.Equal("import", count!["side"]!.GetValue<string>());
        Assert.Equal(reason, count["reason"]!.GetValue<string>());
        var sample = Assert.Single(summary["rejectedSamples"]!.AsArray());
        Assert.StartsWith($"lost|{timestamp}|db|coll", sample!["sample"]!.GetValue<string>());
        Assert.EndsWith("db.coll-1.txt", sample["file"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("|1709251200000|db|coll|STREAMED|K2HB||KAFKA_RECORD", "empty_id")]
    [InlineData("a|1709251200000||coll|STREAMED|K2HB|a|KAFKA_RECORD", "empty_database")]
    [InlineData("a|1709251200000|db||STREAMED|K2HB|a|KAFKA_RECORD", "empty_collection")]
    public async Task Import_with_an_empty_key_is_a_rejected_line_not_a_compared_record(string line, string reason)
    {
        using var folder = new ManifestRunFolder();
        var resource = folder.Write(
            [ManifestRunFolder.ImportLine("x", "1709251200000"), line],
            [ManifestRunFolder.ExportLine("x", "1709251200000")]);

        var (exit, stdout, _) = await CliRun.RunAsync("run", "-f", resource, "--output", "json");

        Assert.Equal(3, exit);
        Assert.Equal(1, JsonNode.Parse(stdout)!["status"]!["results"]!["rejectedLines"]!.GetValue<long>());
        Assert.Equal(reason, Assert.Single(Summary(folder)["rejectedLines"]!.AsArray())!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rejected_lines_within_maxRejectedLines_let_the_run_succeed_and_are_still_counted_per_side()
    {
        using var folder = new ManifestRunFolder();
        var resource = folder.Write(
            [ManifestRunFolder.ImportLine("x", "1709251200000"), ManifestRunFolder.ImportLine("y", "abc")],
            [ManifestRunFolder.ExportLine("x", "1709251200000"), ManifestRunFolder.ExportLine("y", "-1")],
            "  verification:\n    maxRejectedLines: 2");

        var (exit, stdout, stderr) = await CliRun.RunAsync("run", "-f", resource, "--output", "json");

        Assert.True(exit == 0, stdout + stderr);
        Assert.Equal(2, JsonNode.Parse(stdout)!["status"]!["results"]!["rejectedLines"]!.GetValue<long>());
        Assert.Equal(["export", "import"],
            Summary(folder)["rejectedLines"]!.AsArray().Select(c => c!["side"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_negative_maxRejectedLines_is_invalid_input_naming_the_field()
    {
        using var folder = new ManifestRunFolder();
        var resource = folder.Write([], [], "  verification:\n    maxRejectedLines: -1");

        var (exit, _, stderr) = await CliRun.RunAsync("run", "-f", resource);

        Assert.Equal(2, exit);
        Assert.Contains("spec.verification.maxRejectedLines", stderr);
    }

    internal static JsonNode Summary(ManifestRunFolder folder)
    {
        var root = Path.Combine(Path.GetDirectoryName(folder.Import)!, "out");
        var file = Directory.EnumerateFiles(root, "*_summary.json", SearchOption.AllDirectories).Single();
        return JsonNode.Parse(File.ReadAllText(file))!;
    }
}
