using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Storage;
using static KafkaRecon.Tests.Engines.Embedded.ManifestLine;

namespace KafkaRecon.Tests.Engines.Embedded;

/// <summary>
/// Issue 15 §6: ids seen on more than one line of a side in the window are counted per collection and side, in the
/// counts table, the summary's collections and totals; never fatal.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DuplicateCountTests : IDisposable
{
    private static readonly long S = EmbeddedRun.StartMs;
    private readonly EmbeddedRun run = new();

    public void Dispose() => run.Dispose();

    public static TheoryData<string, string[], string[], string[]> Cases => new()
    {
        {
            "an id imported three times is one duplicate import",
            [Import("a", S + 1, "db", "c"), Import("a", S + 2, "db", "c"), Import("a", S + 2, "db", "c"), Import("b", S, "db", "c")],
            [Export("a", S + 2, "db", "c"), Export("b", S, "db", "c")],
            ["db|c|1|0"]
        },
        {
            "duplicates are counted per side and per collection",
            [Import("a", S, "db", "c1"), Import("a", S, "db", "c1"), Import("a", S, "db", "c2")],
            [Export("a", S, "db", "c1"), Export("a", S, "db", "c2"), Export("a", S + 1, "db", "c2"), Export("z", S, "db", "c2"), Export("z", S, "db", "c2")],
            ["db|c1|1|0", "db|c2|0|2"]
        },
        {
            "the same id in another collection or database is not a duplicate",
            [Import("a", S, "db", "c1"), Import("a", S, "db", "c2"), Import("a", S, "other", "c1")],
            [Export("a", S, "db", "c1"), Export("a", S, "db", "c2"), Export("a", S, "other", "c1")],
            ["db|c1|0|0", "db|c2|0|0", "other|c1|0|0"]
        },
        {
            "a line outside the window or rejected is not seen, so it makes no duplicate",
            [Import("a", S, "db", "c"), Import("a", S - 1, "db", "c"), Import("a", "0" + S, "db", "c")],
            [Export("a", S, "db", "c"), Export("a", EmbeddedRun.EndMs, "db", "c")],
            ["db|c|0|0"]
        },
        {
            "a duplicated id missing from the other side is still counted on its own side",
            [Import("a", S, "db", "c"), Import("a", S + 5, "db", "c"), Import("b", S, "db", "c")],
            [Export("b", S, "db", "c")],
            ["db|c|1|0"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Ids_seen_more_than_once_are_counted_per_collection_and_side(
        string situation, string[] imports, string[] exports, string[] expected)
    {
        run.WriteImports("k2hb.txt", imports);
        run.WriteExports("htme.txt", exports);

        await run.TransformSucceedsAsync();

        Assert.True(expected.SequenceEqual(run.Rows(RunLayout.CountsTable,
            "database, collection, duplicate_imported_count, duplicate_exported_count", "database, collection")), situation);
    }

    [Fact]
    public async Task Summary_totals_and_collections_carry_the_duplicates_and_the_run_still_succeeds()
    {
        run.WriteImports("k2hb.txt", Import("a", S, "db", "c1"), Import("a", S + 1, "db", "c1"), Import("b", S, "db", "c2"), Import("b", S, "db", "c2"));
        run.WriteExports("htme.txt", Export("a", S + 1, "db", "c1"), Export("b", S, "db", "c2"), Export("b", S, "db", "c2"), Export("b", S, "db", "c2"));
        await run.TransformSucceedsAsync();

        var observation = await run.QueryAsync();
        var summary = await new ReportSummaryReader(run.Store).ReadAsync(run.Layout.Summary, CancellationToken.None);

        Assert.Equal(Operator.Engines.ObservedState.Succeeded, observation.State);
        Assert.Equal((2L, 1L), (summary.Totals.DuplicateImports, summary.Totals.DuplicateExports));
        Assert.Equal(["db.c1:1/0", "db.c2:1/1"],
            summary.Collections.Select(c => $"{c.Database}.{c.Collection}:{c.DuplicateImports}/{c.DuplicateExports}"));
        Assert.Equal((0L, 0L, 0L), (summary.Totals.MissingExports, summary.Totals.MissingImports, summary.Totals.MismatchedTimestamps));
    }
}
