using CsCheck;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Tests.Engines.Embedded;

/// <summary>
/// Issue 16: each side is de-duplicated narrowly (id → latest timestamp, line count) and the latest line's source,
/// component and type are fetched only where needed. For random manifests with few ids, few timestamps (so ties are
/// common) and mixed components on duplicates, every result table equals <see cref="LatestLineModel"/>'s, which
/// takes each id's latest line the plain way.
/// </summary>
[Trait("Category", "Slow")]
public sealed class LatestLinePropertyTests
{
    private static readonly long S = EmbeddedRun.StartMs;

    private static readonly Gen<ModelManifestLine> Lines = Gen.Select(
        Gen.Int[0, 5].Select(i => $"id{i}"),
        Gen.Frequency((9, Gen.Long[S, S + 3]), (1, Gen.Const(S - 1))),
        Gen.OneOf(Gen.Const("db1"), Gen.Const("db2")),
        Gen.OneOf(Gen.Const("c1"), Gen.Const("c2")),
        Gen.OneOf(Gen.Const("EXPORT"), Gen.Const("STREAMED"), Gen.Const("A")),
        Gen.OneOf(Gen.Const("HDI"), Gen.Const("K2HB"), Gen.Const("k2hb"), Gen.Const("STREAMING"), Gen.Const("hdi-legacy")),
        Gen.OneOf(Gen.Const("MONGO_INSERT"), Gen.Const("MONGO_UPDATE"), Gen.Const("KAFKA_RECORD")),
        (id, timestamp, database, collection, source, component, type) =>
            new ModelManifestLine(id, timestamp, database, collection, source, component, type));

    [Fact]
    public void Result_tables_equal_the_latest_line_model()
    {
        Gen.Select(Lines.Array[0, 30], Lines.Array[0, 30]).Sample(input =>
        {
            var expected = LatestLineModel.Compute(input.Item1, input.Item2, S, EmbeddedRun.EndMs);
            var actual = Task.Run(() => RunAsync(input.Item1, input.Item2)).GetAwaiter().GetResult();
            Assert.Equal(expected.Counts, actual.Counts);
            Assert.Equal(expected.MissingExports, actual.MissingExports);
            Assert.Equal(expected.MissingImports, actual.MissingImports);
            Assert.Equal(expected.Mismatched, actual.Mismatched);
        }, iter: 25, threads: 1, print: input =>
            "import:\n" + string.Join("\n", input.Item1.Select(l => l.Import())) +
            "\nexport:\n" + string.Join("\n", input.Item2.Select(l => l.Export())));
    }

    // The latest line is fetched by reading the text again (*_payload.sql). A line the comparison rejects never
    // supplies it, even when it shares the id's key and latest timestamp and would win the tie-break.
    [Fact]
    public async Task A_rejected_line_at_the_latest_timestamp_never_supplies_the_latest_line()
    {
        using var run = new EmbeddedRun();
        run.WriteImports("k2hb.txt",
            ManifestLine.Import("gone", S + 1, "db", "c", source: "A-line\nend", component: "AAA"),
            ManifestLine.Import("gone", (S + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).Insert(0, "0"),
                "db", "c", source: "A-leading-zero", component: "AAB"),
            ManifestLine.Import("gone", S + 1, "db", "c", source: "Z", component: "K2HB"),
            ManifestLine.Import("both", S + 1, "db", "c"),
            ManifestLine.Import("moved", S + 1, "db", "c"));
        run.WriteExports("htme.txt",
            ManifestLine.Export("both", S + 1, "db", "c"),
            ManifestLine.Export("moved", S + 2, "db", "c", component: "HDI", type: "Z"),
            ManifestLine.Export("moved", S + 2, "db", "c", component: "HDI", type: "A\r"),
            ManifestLine.Export("moved", S + 2, "db", "c", component: "AAA\n", type: "A"));

        await run.TransformSucceedsAsync();

        Assert.Equal([$"gone|db|c|{S + 1}|K2HB|KAFKA_RECORD"], run.MissingExports());
        Assert.Equal(["moved|EXPORT|HDI|Z"],
            run.Rows(RunLayout.MismatchedTimestampsTable, "id, export_source, export_component, export_type", "id"));
        Assert.Equal("4", run.Rows(RunLayout.RejectedLinesTable, "COUNT(*)", "1").Single());
    }

    private static async Task<LatestLineModel.Tables> RunAsync(ModelManifestLine[] import, ModelManifestLine[] export)
    {
        using var run = new EmbeddedRun();
        run.WriteImports("k2hb.txt", import.Select(l => l.Import()).ToArray());
        run.WriteExports("htme.txt", export.Select(l => l.Export()).ToArray());
        await run.TransformSucceedsAsync();
        return new(
            Sorted(run.Rows(RunLayout.MissingExportsTable,
                "id, database, collection, import_timestamp, import_component, import_type", "id")),
            Sorted(run.Rows(RunLayout.MissingImportsTable,
                "id, database, collection, export_timestamp, export_component, export_type", "id")),
            Sorted(run.Rows(RunLayout.MismatchedTimestampsTable,
                "id, database, collection, import_timestamp, import_source, import_component, import_type, " +
                "export_timestamp, export_source, export_component, export_type, earliest_timestamp, latest_timestamp, " +
                "earliest_manifest", "id")),
            Sorted(run.Counts()));
    }

    private static List<string> Sorted(IEnumerable<string> rows) => rows.Order(StringComparer.Ordinal).ToList();
}
