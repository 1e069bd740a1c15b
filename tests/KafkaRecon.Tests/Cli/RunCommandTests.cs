using KafkaRecon.Tests.Support;
using System.CommandLine;
using System.Text.Json.Nodes;
using KafkaRecon.Operator.Cli;

namespace KafkaRecon.Tests.Cli;

[Trait("Category", "Slow")]
public sealed class RunCommandTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("krecon-run-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Matching_manifests_verify_with_exit_code_zero()
    {
        var file = WriteResource(importLines: ["\"id-1\"|1709251200000|db|coll|STREAMED|K2HB|id-1|KAFKA_RECORD"],
            exportLines: ["\"{\"\"$oid\"\":\"\"x\"\"}\"|1709251200000|db|coll|EXPORT|K2HB|id-1|MONGO_INSERT"]);
        var (exit, stdout, _) = await Run("run", "-f", file);
        Assert.Equal(0, exit);
        Assert.Contains("Succeeded", stdout);
    }

    [Fact]
    public async Task Missing_export_fails_verification_with_exit_code_three_and_json_status()
    {
        var file = WriteResource(
            importLines: ["a|1709251200000|db|coll|STREAMED|K2HB|a|KAFKA_RECORD", "b|1709251200001|db|coll|STREAMED|K2HB|b|KAFKA_RECORD"],
            exportLines: ["fa|1709251200000|db|coll|EXPORT|K2HB|a|MONGO_INSERT"]);
        var (exit, stdout, _) = await Run("run", "-f", file, "--output", "json");
        Assert.Equal(3, exit);
        var status = JsonNode.Parse(stdout)!["status"]!;
        Assert.Equal("Failed", status["phase"]!.GetValue<string>());
        Assert.Equal(1, status["results"]!["missingExports"]!.GetValue<long>());
        Assert.Equal(2, status["results"]!["imported"]!.GetValue<long>());
        Assert.Equal("b", status["topCollections"]!.AsArray().Count == 1 ? "b" : "?");
    }

    [Fact]
    public async Task Window_ending_before_it_starts_is_invalid_input_naming_the_field()
    {
        var file = WriteResource([], [], window: "start: 2024-03-02T00:00:00Z\n    end: 2024-03-01T00:00:00Z");
        var (exit, _, stderr) = await Run("run", "-f", file);
        Assert.Equal(2, exit);
        Assert.Contains("spec.window.end", stderr);
    }

    [Fact]
    public async Task Unknown_field_is_invalid_input_naming_the_field()
    {
        var file = WriteResource([], [], extraSpec: "  colaesce:\n    enabled: false\n");
        var (exit, _, stderr) = await Run("run", "-f", file);
        Assert.Equal(2, exit);
        Assert.Contains("spec.colaesce: unknown field", stderr);
    }

    [Fact]
    public async Task Unreadable_manifest_folder_is_invalid_input_naming_the_field()
    {
        var file = WriteResource([], []);
        Directory.Delete(Path.Combine(_root.FullName, "export"), recursive: true);
        var (exit, _, stderr) = await Run("run", "-f", file);
        Assert.Equal(2, exit);
        Assert.Contains("spec.manifests.exportLocation", stderr);
    }

    [Fact]
    public async Task File_and_demo_together_are_rejected()
    {
        var (exit, _, stderr) = await Run("run", "--demo", "-f", "x.yaml");
        Assert.NotEqual(0, exit);
        Assert.Contains("exactly one of --file FILE or --demo", stderr);
    }

    [Fact]
    public async Task Demo_finds_exactly_the_planted_problems()
    {
        var (exit, _, stderr) = await Run("run", "--demo", "--demo-dir", Path.Combine(_root.FullName, "demo"),
            "--records", "3000");
        Assert.True(exit == 0, stderr);
        Assert.Contains("Demo passed", stderr);
    }

    private string WriteResource(string[] importLines, string[] exportLines, string? window = null, string extraSpec = "")
    {
        var import = Directory.CreateDirectory(Path.Combine(_root.FullName, "import", "main")).FullName;
        var export = Directory.CreateDirectory(Path.Combine(_root.FullName, "export")).FullName;
        File.WriteAllLines(Path.Combine(import, "db.coll_0_1-db.coll_0_2.txt"), importLines);
        File.WriteAllLines(Path.Combine(export, "db.coll-000-001-000001.csv"), exportLines);
        var path = Path.Combine(_root.FullName, "recon.yaml");
        File.WriteAllText(path, $"""
            apiVersion: kafkarecon.io/v1alpha1
            kind: KafkaReconciliation
            metadata:
              name: test
            spec:
              engine: embedded
              window:
                {window ?? "start: 2024-03-01T00:00:00Z"}
              manifests:
                importLocation: {Path.Combine(_root.FullName, "import")}
                exportLocation: {export}
              output:
                location: {Path.Combine(_root.FullName, "out")}
            {extraSpec}
            """);
        return path;
    }

    private static Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args) =>
        CliRun.RunAsync(args);
}
