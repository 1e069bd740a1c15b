using System.Text.Json.Nodes;
using CsCheck;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.Sql;

/// <summary>
/// Issue 12: for random manifests (few ids so duplicates and both-sided ids are common, timestamps in and out of the
/// window, unreadable timestamps and empty keys, records missing on either side) the totals of a real
/// <c>kafka-recon run</c> equal those of <see cref="ComparisonModel"/>.
/// </summary>
public sealed class ComparisonTotalsPropertyTests
{
    private const long StartMs = 1709251200000; // 2024-03-01T00:00:00Z
    private const long EndMs = StartMs + 86_400_000;

    private static readonly Gen<string> Timestamps = Gen.Frequency(
        (6, Gen.Long[StartMs, EndMs - 1].Select(t => t.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("1709251199999", "1709337600000", "1709251200", "0")),
        (1, Gen.OneOf("abc", "-5", "+1709251200000", " 1709251200000", "1709251200000.0", "01709251200000",
            "17092512000000000000", "")));

    private static readonly Gen<ModelLine> Lines =
        Gen.Select(Gen.Frequency((9, Gen.Int[0, 7].Select(i => $"id{i}")), (1, Gen.Const(""))), Timestamps,
            Gen.OneOf("db1", "db2"), Gen.Frequency((9, Gen.OneOf("c1", "c2")), (1, Gen.Const(""))),
            (id, timestamp, database, collection) => new ModelLine(id, timestamp, database, collection));

    private static readonly Gen<(ModelLine[] Import, ModelLine[] Export)> Inputs =
        Gen.Select(Lines.Array[0, 25], Lines.Array[0, 25]);

    [Fact]
    public void Run_totals_equal_the_in_memory_model()
    {
        Inputs.Sample(input =>
        {
            var expected = ComparisonModel.Totals(input.Import, input.Export, StartMs, EndMs);
            var actual = Task.Run(() => RunAsync(input.Import, input.Export)).GetAwaiter().GetResult();
            Assert.Equal(expected, actual);
        }, iter: 12, threads: 1, print: input =>
            "import:\n" + string.Join("\n", input.Import.Select(l => l.Import())) +
            "\nexport:\n" + string.Join("\n", input.Export.Select(l => l.Export())));
    }

    private static async Task<ModelTotals> RunAsync(ModelLine[] import, ModelLine[] export)
    {
        var root = Directory.CreateTempSubdirectory("krecon-property-");
        try
        {
            var importFolder = Directory.CreateDirectory(Path.Combine(root.FullName, "import")).FullName;
            var exportFolder = Directory.CreateDirectory(Path.Combine(root.FullName, "export")).FullName;
            await File.WriteAllLinesAsync(Path.Combine(importFolder, "i.txt"), import.Select(l => l.Import()));
            await File.WriteAllLinesAsync(Path.Combine(exportFolder, "e.txt"), export.Select(l => l.Export()));
            var resource = Path.Combine(root.FullName, "recon.yaml");
            await File.WriteAllTextAsync(resource, $"""
                apiVersion: kafkarecon.io/v1alpha1
                kind: KafkaReconciliation
                metadata:
                  name: property
                spec:
                  engine: embedded
                  window:
                    start: 2024-03-01T00:00:00Z
                    end: 2024-03-02T00:00:00Z
                    marginMinutes: 0
                  manifests:
                    importLocation: {importFolder}
                    exportLocation: {exportFolder}
                  output:
                    location: {Path.Combine(root.FullName, "out")}
                """);
            var (exit, stdout, stderr) = await CliRun.RunAsync("run", "-f", resource, "--output", "json");
            Assert.True(exit is 0 or 3, $"exit {exit}: {stdout}{stderr}");
            var results = JsonNode.Parse(stdout)!["status"]!["results"]!;
            long Total(string name) => results[name]!.GetValue<long>();
            return new(Total("imported"), Total("exported"), Total("missingExports"), Total("missingImports"),
                Total("mismatchedTimestamps"), Total("rejectedLines"));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
