using System.Text.Json.Nodes;
using KafkaRecon.Tests.Support;
using static KafkaRecon.Tests.Engines.Embedded.ManifestLine;

namespace KafkaRecon.Tests.Cli;

/// <summary>
/// <c>spec.verification.collections</c> through the real driver on the embedded engine: the per-collection counts
/// come from DuckDB, the verdict, exit code and status say which rule decided.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CollectionRuleRunTests : IDisposable
{
    private const long T = 1709251200000;
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("krecon-rules-");

    public CollectionRuleRunTests()
    {
        // core.orders matches; core.flaky misses one export of two; test_db.users misses one of one but has a match.
        Write("import", "k2hb.txt",
            Import("o1", T, "core", "orders"), Import("f1", T, "core", "flaky"), Import("f2", T + 1, "core", "flaky"),
            Import("u1", T, "test_db", "users"), Import("u2", T, "test_db", "users"));
        Write("export", "htme.txt",
            Export("o1", T, "core", "orders"), Export("f1", T, "core", "flaky"), Export("u1", T, "test_db", "users"));
    }

    public void Dispose() => _root.Delete(recursive: true);

    public static TheoryData<string, int, string?, long> Cases => new()
    {
        { "", 3, "spec.verification", 0 },
        {
            """
                collections:
                  - database: "test_*"
                    collection: "*"
                    ignore: true
                  - database: core
                    collection: "fl*"
                    maxMissingExports: 1
            """,
            0, null, 1
        },
        {
            """
                collections:
                  - database: "test_*"
                    collection: "*"
                    ignore: true
                  - database: core
                    collection: flaky
                    maxMissingExports: 0
            """,
            3, "spec.verification.collections[1] (database 'core', collection 'flaky')", 1
        },
        {
            """
                maxMissingExports: 1
                collections:
                  - database: core
                    collection: flaky
            """,
            0, null, 0
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_verdict_and_status_name_the_rule_that_decided(string rules, int exitCode, string? decidedBy, long ignored)
    {
        var (exit, stdout, stderr) = await CliRun.RunAsync("run", "-f", Resource(rules), "--output", "json");

        Assert.True(exit == exitCode, $"exit {exit}: {stderr}");
        var results = JsonNode.Parse(stdout)!["status"]!["results"]!;
        Assert.Equal(2, results["missingExports"]!.GetValue<long>());
        Assert.Equal(decidedBy, results["decidedBy"]?.GetValue<string>());
        Assert.Equal(ignored, results["ignoredCollections"]!.GetValue<long>());
    }

    private void Write(string side, string name, params string[] lines)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root.FullName, side)).FullName;
        File.WriteAllLines(Path.Combine(folder, name), lines);
    }

    private string Resource(string verificationRules)
    {
        var path = Path.Combine(_root.FullName, $"recon-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, $"""
            apiVersion: kafkarecon.io/v1alpha1
            kind: KafkaReconciliation
            metadata:
              name: rules-{Guid.NewGuid().ToString("N")[..8]}
            spec:
              engine: embedded
              window:
                start: 2024-03-01T00:00:00Z
              coalesce:
                enabled: false
              manifests:
                importLocation: {Path.Combine(_root.FullName, "import")}
                exportLocation: {Path.Combine(_root.FullName, "export")}
              output:
                location: {Path.Combine(_root.FullName, "out")}
              verification:
                allowEmptyWindow: false
            {verificationRules}
            """);
        return path;
    }
}
