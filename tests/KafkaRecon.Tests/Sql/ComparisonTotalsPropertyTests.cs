using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.Sql;

/// <summary>
/// Issue 12: for random manifests (few ids so duplicates and both-sided ids are common, timestamps in and out of the
/// window, unreadable timestamps and empty keys, records missing on either side) the totals of a real
/// <c>kafka-recon run</c> equal those of <see cref="ComparisonModel"/>; lines no reader can split into eight UTF-8
/// fields, injected anywhere, add exactly one rejected line each and change nothing else.
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

    /// <summary>Lines no reader can split into eight UTF-8 fields, each rejected as exactly one line.</summary>
    private static readonly Gen<byte[]> UnreadableLines = Gen.OneOf(
        Gen.Const("u|1709251200000|db1|c1|STREAMED|K2HB|u"u8.ToArray()),
        Gen.Const("u|1709251200000|db1|c1|STREAMED|K2HB|u|KAFKA_RECORD|extra"u8.ToArray()),
        Gen.Const("\"open|1709251200000|db1|c1|STREAMED|K2HB|open|KAFKA_RECORD"u8.ToArray()),
        Gen.Const("one field"u8.ToArray()),
        Gen.Const<byte[]>([.. "u|1709251200000|db1|c1"u8, 0xFF, .. "|STREAMED|K2HB|u|KAFKA_RECORD"u8]));

    /// <summary>A side's lines with unreadable ones at random places.</summary>
    private static readonly Gen<(ModelLine[] Lines, byte[][] Written, int Injected)> SidesWithUnreadableLines =
        Gen.Select(Lines.Array[0, 20], Gen.Select(Gen.Int[0, 20], UnreadableLines).Array[0, 4], (lines, bad) =>
        {
            var written = lines.Select(l => Encoding.UTF8.GetBytes(l.Import())).ToList();
            foreach (var (at, line) in bad)
            {
                written.Insert(Math.Min(at, written.Count), line);
            }
            return (lines, written.ToArray(), bad.Length);
        });

    [Fact]
    public void Unreadable_lines_are_each_one_rejected_line_and_the_rest_totals_as_the_model_says()
    {
        Gen.Select(SidesWithUnreadableLines, Lines.Array[0, 20]).Sample(input =>
        {
            var ((import, written, injected), export) = input;
            var model = ComparisonModel.Totals(import, export, StartMs, EndMs);
            var actual = Task.Run(() => RunAsync(written, export.Select(l => Encoding.UTF8.GetBytes(l.Export())))).GetAwaiter().GetResult();
            Assert.Equal(model with { Rejected = model.Rejected + injected }, actual);
        }, iter: 8, threads: 1, print: input =>
            "import:\n" + string.Join("\n", input.Item1.Written.Select(Encoding.UTF8.GetString)) +
            "\nexport:\n" + string.Join("\n", input.Item2.Select(l => l.Export())));
    }

    [Fact]
    public void Run_totals_equal_the_in_memory_model()
    {
        Inputs.Sample(input =>
        {
            var expected = ComparisonModel.Totals(input.Import, input.Export, StartMs, EndMs);
            var actual = Task.Run(() => RunAsync(
                input.Import.Select(l => Encoding.UTF8.GetBytes(l.Import())),
                input.Export.Select(l => Encoding.UTF8.GetBytes(l.Export())))).GetAwaiter().GetResult();
            Assert.Equal(expected, actual);
        }, iter: 12, threads: 1, print: input =>
            "import:\n" + string.Join("\n", input.Import.Select(l => l.Import())) +
            "\nexport:\n" + string.Join("\n", input.Export.Select(l => l.Export())));
    }

    private static async Task<ModelTotals> RunAsync(IEnumerable<byte[]> import, IEnumerable<byte[]> export)
    {
        var root = Directory.CreateTempSubdirectory("krecon-property-");
        try
        {
            var importFolder = Directory.CreateDirectory(Path.Combine(root.FullName, "import")).FullName;
            var exportFolder = Directory.CreateDirectory(Path.Combine(root.FullName, "export")).FullName;
            await File.WriteAllBytesAsync(Path.Combine(importFolder, "i.txt"), [.. import.SelectMany(l => l.Append((byte)'\n'))]);
            await File.WriteAllBytesAsync(Path.Combine(exportFolder, "e.txt"), [.. export.SelectMany(l => l.Append((byte)'\n'))]);
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
