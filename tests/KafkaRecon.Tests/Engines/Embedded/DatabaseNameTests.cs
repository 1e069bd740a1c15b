using KafkaRecon.Entities;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Storage;
using static KafkaRecon.Tests.Engines.Embedded.ManifestLine;

namespace KafkaRecon.Tests.Engines.Embedded;

/// <summary>
/// Issue 15 §5 (defect 13): K2HB rewrites '_' to '-' in database names and HTME does not. With
/// <c>spec.comparison.databaseNames: hyphenate</c> both sides are compared under the hyphenated name, and the counts
/// keep each side's own spelling; <c>asIs</c> (the default) compares the names as written.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DatabaseNameTests : IDisposable
{
    private static readonly long S = EmbeddedRun.StartMs;
    private readonly EmbeddedRun run = new();

    public void Dispose() => run.Dispose();

    /// <summary>Counts as "database|collection|imported|exported|missing imports|missing exports|import spelling|export spelling".</summary>
    private IReadOnlyList<string> Counts() => run.Rows(RunLayout.CountsTable,
        "database, collection, imported_count, exported_count, missing_imported_count, missing_exported_count, " +
        "import_database, export_database", "database, collection");

    public static TheoryData<DatabaseNames, string[], string[], string[]> Cases => new()
    {
        {
            DatabaseNames.AsIs,
            [Import("a", S, "agent-core", "c"), Import("b", S, "plain", "c")],
            [Export("a", S, "agent_core", "c"), Export("b", S, "plain", "c")],
            ["agent-core|c|1|0|0|1|null|null", "agent_core|c|0|1|1|0|null|null", "plain|c|1|1|0|0|null|null"]
        },
        {
            DatabaseNames.Hyphenate,
            [Import("a", S, "agent-core", "c"), Import("b", S, "plain", "c")],
            [Export("a", S, "agent_core", "c"), Export("b", S, "plain", "c")],
            ["agent-core|c|1|1|0|0|agent-core|agent_core", "plain|c|1|1|0|0|plain|plain"]
        },
        {
            DatabaseNames.Hyphenate,
            [Import("a", S, "a_b_c", "c"), Import("only-imported", S, "a_b_c", "c")],
            [Export("a", S, "a-b_c", "c"), Export("only-exported", S, "x_y", "c")],
            ["a-b-c|c|2|1|0|1|a_b_c|a-b_c", "x-y|c|0|1|1|0|null|x_y"]
        },
        {
            DatabaseNames.Hyphenate,
            [Import("a", S, "core", "claims_v2")],
            [Export("a", S, "core", "claims-v2")],
            ["core|claims-v2|0|1|1|0|null|core", "core|claims_v2|1|0|0|1|core|null"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Database_names_are_compared_as_the_spec_says_and_counts_keep_both_spellings(
        DatabaseNames names, string[] imports, string[] exports, string[] expected)
    {
        run.Spec.Comparison.DatabaseNames = names;
        run.WriteImports("k2hb.txt", imports);
        run.WriteExports("htme.txt", exports);

        await run.TransformSucceedsAsync();

        Assert.Equal(expected, Counts());
    }

    [Fact]
    public async Task Hyphenated_detail_tables_and_summary_name_the_compared_database_and_each_sides_spelling()
    {
        run.Spec.Comparison.DatabaseNames = DatabaseNames.Hyphenate;
        run.WriteImports("k2hb.txt", Import("a", S, "agent-core", "c"), Import("late", S + 9, "agent-core", "c"));
        run.WriteExports("htme.txt", Export("a", S, "agent_core", "c"), Export("late", S + 1, "agent_core", "c"));
        await run.TransformSucceedsAsync();
        await run.QueryAsync();

        var summary = await new ReportSummaryReader(run.Store).ReadAsync(run.Layout.Summary, CancellationToken.None);

        Assert.Equal(["late|agent-core|c|1709251200009|1709251200001|1709251200001|1709251200009|export"], run.Mismatched());
        Assert.Equal((0L, 0L, 1L), (summary.Totals.MissingExports, summary.Totals.MissingImports, summary.Totals.MismatchedTimestamps));
        var collection = Assert.Single(summary.Collections);
        Assert.Equal(("agent-core", "agent-core", "agent_core"), (collection.Database, collection.ImportDatabase, collection.ExportDatabase));
    }

    [Fact]
    public async Task Changing_the_database_names_gives_a_new_run_folder_not_the_published_tables()
    {
        run.WriteImports("k2hb.txt", Import("a", S, "agent-core", "c"));
        run.WriteExports("htme.txt", Export("a", S, "agent_core", "c"));
        await run.TransformSucceedsAsync();
        var asIs = run.RunId;

        run.Spec.Comparison.DatabaseNames = DatabaseNames.Hyphenate;
        await run.TransformSucceedsAsync();

        Assert.NotEqual(asIs, run.RunId);
        Assert.Equal(["agent-core|c|1|1|0|0|agent-core|agent_core"], Counts());
    }
}
