using System.Text.Json.Nodes;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// Issue 12, case 3: a window with no imported record proves nothing and fails with NoRecords (exit 3) unless
/// spec.verification.allowEmptyWindow is set. Before, each of these gave imported 0 / exported 0, exit 0.
/// </summary>
public sealed class EmptyWindowTests
{
    public static TheoryData<string, string[]?, string[]?> Cases => new()
    {
        { "empty files", [], [] },
        { "folders with no files", null, null },
        { "timestamps in seconds", [ManifestRunFolder.ImportLine("a", "1709251200")], [ManifestRunFolder.ExportLine("a", "1709251200")] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_window_without_imported_records_fails_with_NoRecords(string name, string[]? import, string[]? export)
    {
        using var folder = new ManifestRunFolder();
        var resource = folder.Write(import, export);

        var (exit, stdout, stderr) = await CliRun.RunAsync("run", "-f", resource, "--output", "json");

        Assert.True(exit == 3, $"{name}: exit {exit}: {stdout}{stderr}");
        var status = JsonNode.Parse(stdout)!["status"]!;
        Assert.Equal("Failed", status["phase"]!.GetValue<string>());
        Assert.Equal(0, status["results"]!["imported"]!.GetValue<long>());
        Assert.Contains("NoRecords", stdout);
    }

    [Fact]
    public async Task allowEmptyWindow_lets_an_empty_window_succeed()
    {
        using var folder = new ManifestRunFolder();
        var resource = folder.Write([], [], "  verification:\n    allowEmptyWindow: true");

        var (exit, stdout, stderr) = await CliRun.RunAsync("run", "-f", resource, "--output", "json");

        Assert.True(exit == 0, stdout + stderr);
    }
}
