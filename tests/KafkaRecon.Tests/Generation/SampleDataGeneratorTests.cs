using System.Text.RegularExpressions;
using KafkaRecon.Operator.Coalescing;
using KafkaRecon.Operator.Generation;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Coalescing;

namespace KafkaRecon.Tests.Generation;

public sealed class SampleDataGeneratorTests(GeneratedSamples samples) : IClassFixture<GeneratedSamples>
{
    public static TheoryData<bool> Margins => new() { false, true };

    private GeneratedSample Sample(bool margin) => margin ? samples.WithMargin : samples.WithoutMargin;

    private static void AssertTruthMatchesRecount(GeneratedSample sample, List<ManifestRow> imports, List<ManifestRow> exports)
    {
        var truth = sample.Truth;
        var recount = NaiveRecount.Count(imports, exports, truth.WindowStart, truth.WindowEnd, truth.MarginMinutes);

        var expected = truth.Collections.ToDictionary(
            c => (c.Database, c.Collection),
            c => new RecountedCounts(c.Imported, c.Exported, c.MissingExports, c.MissingImports, c.MismatchedEarlierInImport, c.MismatchedEarlierInExport));
        Assert.Equal(recount.OrderBy(p => p.Key).ToList(), expected.OrderBy(p => p.Key).ToList());

        var totals = truth.Totals;
        Assert.Equal(recount.Values.Sum(c => c.Imported), totals.Imported);
        Assert.Equal(recount.Values.Sum(c => c.Exported), totals.Exported);
        Assert.Equal(recount.Values.Sum(c => c.MissingExports), totals.MissingExports);
        Assert.Equal(recount.Values.Sum(c => c.MissingImports), totals.MissingImports);
        Assert.Equal(recount.Values.Sum(c => c.EarlierInImport), totals.MismatchedEarlierInImport);
        Assert.Equal(recount.Values.Sum(c => c.EarlierInExport), totals.MismatchedEarlierInExport);
        Assert.Equal(totals.MismatchedEarlierInImport + totals.MismatchedEarlierInExport, totals.MismatchedTimestamps);
        var missingCollections = recount.Where(p => p.Value.Imported > 0 && p.Value.Exported == 0).Select(p => p.Key).ToList();
        Assert.Equal(missingCollections.Count, totals.MissingCollections);
        var missingDatabases = recount.GroupBy(p => p.Key.Item1)
            .Where(g => g.Sum(p => p.Value.Imported) > 0 && g.Sum(p => p.Value.Exported) == 0).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(missingDatabases, truth.MissingDatabases);
        Assert.Equal(missingDatabases.Count, totals.MissingDatabases);
    }

    [Theory]
    [MemberData(nameof(Margins))]
    public void Truth_equals_a_naive_recount_of_the_written_files(bool margin)
    {
        var sample = Sample(margin);
        AssertTruthMatchesRecount(sample, sample.ImportRows(), sample.ExportRows());
    }

    [Fact]
    public void Same_seed_writes_identical_files_and_another_seed_does_not()
    {
        var first = samples.Generate("again-1", marginMinutes: 0, seed: 9, records: 3_000);
        var second = samples.Generate("again-2", marginMinutes: 0, seed: 9, records: 3_000);
        var other = samples.Generate("other", marginMinutes: 0, seed: 10, records: 3_000);

        foreach (var side in new[] { "import", "export" })
        {
            var names = first.Files(side).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(names, second.Files(side).Order(StringComparer.Ordinal));
            foreach (var file in Directory.EnumerateFiles(Path.Combine(first.Root, side), "*", SearchOption.AllDirectories))
            {
                var twin = Path.Combine(second.Root, Path.GetRelativePath(first.Root, file));
                Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(twin));
            }
        }
        Assert.Equal(first.Truth.Totals, second.Truth.Totals);
        Assert.Equal(first.Truth.Collections, second.Truth.Collections);
        Assert.NotEqual(TinyCsv.AllLines(first.Import).First(), TinyCsv.AllLines(other.Import).First());
    }

    [Fact]
    public void File_names_follow_k2hb_and_htme_with_several_files_per_topic_partition()
    {
        var sample = samples.WithoutMargin;
        var k2hb = new Regex(@"^(?<topic>db\.[^_]+(?:_[a-z]+)*\.[^_]+)_(?<p>\d+)_(?<s>\d+)-\k<topic>_\k<p>_(?<e>\d+)\.txt(\.gz)?$");
        var htme = new Regex(@"^(?<topic>db\..+)-\d{3}-\d{3}-\d{6}\.csv(\.gz)?$");

        var imports = sample.Files("import").ToList();
        Assert.All(imports, name => Assert.Matches(k2hb, name));
        Assert.All(sample.Files("export"), name => Assert.Matches(htme, name));
        Assert.All(imports.Where(n => !n.EndsWith(".gz")), name => Assert.NotNull(ManifestNamings.Import.ParseOriginal(name)));
        Assert.All(sample.Files("export").Where(n => !n.EndsWith(".gz")), name => Assert.NotNull(ManifestNamings.Export.ParseOriginal(name)));
        var filesPerTopicPartition = imports.GroupBy(n => k2hb.Match(n) is var m ? (m.Groups["topic"].Value, m.Groups["p"].Value) : default);
        Assert.Contains(filesPerTopicPartition, g => g.Count() >= 5);
        Assert.Contains("db.agent_core.agentToDo.archive", imports.Select(n => k2hb.Match(n).Groups["topic"].Value));
    }

    [Fact]
    public void Some_files_on_each_side_are_gzipped()
    {
        Assert.Contains(samples.WithoutMargin.Files("import"), n => n.EndsWith(".txt.gz", StringComparison.Ordinal));
        Assert.Contains(samples.WithoutMargin.Files("export"), n => n.EndsWith(".csv.gz", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_rows_carry_k2hb_values_and_export_rows_htme_values()
    {
        var sample = samples.WithoutMargin;
        Assert.All(sample.ImportRows(), r => Assert.Equal(("STREAMED", "K2HB", "KAFKA_RECORD"), (r.Source, r.Component, r.Type)));
        var exports = sample.ExportRows();
        Assert.All(exports, r => Assert.Equal("EXPORT", r.Source));
        Assert.Equal(["HDI", "K2HB", "TYPE_NOT_SET"], exports.Select(r => r.Component).Distinct().Order(StringComparer.Ordinal));
        Assert.Superset(new HashSet<string> { "MONGO_INSERT", "MONGO_UPDATE", "MONGO_DELETE", "MONGO_IMPORT" }, exports.Select(r => r.Type).ToHashSet());
    }

    [Fact]
    public void Export_field_0_is_a_formatted_oid_that_differs_from_the_join_key()
    {
        var lines = TinyCsv.AllLines(samples.WithoutMargin.Export).Select(TinyCsv.Fields).ToList();
        Assert.All(lines, f =>
        {
            Assert.StartsWith("{\"$oid\":\"", f[0]);
            Assert.NotEqual(f[0], f[6]);
        });
    }

    [Fact]
    public void Ids_with_quotes_and_pipes_are_csv_quoted_and_join_across_sides()
    {
        var sample = samples.WithoutMargin;
        var awkward = sample.ImportRows().Where(r => r.Id.Contains('|') && r.Id.Contains('"')).Select(r => r.Key).ToHashSet();
        Assert.NotEmpty(awkward);
        Assert.Contains(sample.ExportRows(), r => awkward.Contains(r.Key));
        Assert.Contains(TinyCsv.AllLines(sample.Import), l => l.StartsWith("\"{\"\"claimId\"\":", StringComparison.Ordinal));
    }

    [Fact]
    public void Database_names_with_dashes_and_collection_names_with_dots_are_present()
    {
        var collections = samples.WithoutMargin.Truth.Collections;
        Assert.Contains(collections, c => c.Database.Contains('-') && c.Collection.Contains('.'));
        Assert.Contains(collections, c => c.Collection.Count(ch => ch == '.') >= 2);
    }

    [Fact]
    public void Duplicates_with_an_older_and_a_latest_version_exist_on_both_sides()
    {
        var sample = samples.WithoutMargin;
        static bool HasOlderAndLatest(IEnumerable<ManifestRow> rows) =>
            rows.GroupBy(r => r.Key).Any(g => g.Select(r => r.Timestamp).Distinct().Count() >= 2);
        Assert.True(HasOlderAndLatest(sample.ImportRows()));
        Assert.True(HasOlderAndLatest(sample.ExportRows()));
        Assert.Contains(sample.ImportRows().GroupBy(r => r.Key), g => g.Count() == 2 && g.Select(r => r.Timestamp).Distinct().Count() == 1);
    }

    [Theory]
    [MemberData(nameof(Margins))]
    public void Rows_lie_at_the_start_before_it_at_the_end_inside_and_beyond_the_margin(bool margin)
    {
        var sample = Sample(margin);
        var start = sample.Truth.WindowStart.ToUnixTimeMilliseconds();
        var end = sample.Truth.WindowEnd.ToUnixTimeMilliseconds();
        var marginEnd = end + sample.Truth.MarginMinutes * 60_000L;
        foreach (var rows in new[] { sample.ImportRows(), sample.ExportRows() })
        {
            var stamps = rows.Select(r => r.Timestamp).ToList();
            Assert.Contains(start, stamps);
            Assert.Contains(stamps, t => t < start);
            Assert.Contains(end, stamps);
            Assert.Contains(stamps, t => t > end && t < marginEnd || !margin && t > end && t < end + 3_600_000);
            Assert.Contains(stamps, t => t >= marginEnd + 1);
        }
    }

    [Fact]
    public void Differences_go_every_way_and_one_collection_and_one_database_are_wholly_missing()
    {
        var truth = samples.WithoutMargin.Truth;
        Assert.True(truth.Totals.MissingExports > 0);
        Assert.True(truth.Totals.MissingImports > 0);
        Assert.True(truth.Totals.MismatchedEarlierInImport > 0);
        Assert.True(truth.Totals.MismatchedEarlierInExport > 0);
        Assert.Equal(["penalties-and-deductions"], truth.MissingDatabases);
        var wholeCollection = truth.MissingCollections.Where(c => !truth.MissingDatabases.Contains(c.Database)).ToList();
        var missing = Assert.Single(wholeCollection);
        Assert.Contains(truth.Collections, c => c.Database == missing.Database && c.Exported > 0);
    }

    [Fact]
    public void Resource_file_is_a_ready_embedded_reconciliation_of_the_sample()
    {
        var sample = samples.WithMargin;
        var yaml = File.ReadAllText(Path.Combine(sample.Root, "reconciliation.yaml"));
        Assert.Contains("apiVersion: kafkarecon.io/v1alpha1", yaml);
        Assert.Contains("kind: KafkaReconciliation", yaml);
        Assert.Contains("engine: embedded", yaml);
        Assert.Contains("start: \"2024-03-01T00:00:00Z\"", yaml);
        Assert.Contains("end: \"2024-03-02T00:00:00Z\"", yaml);
        Assert.Contains("marginMinutes: 30", yaml);
        Assert.Contains($"importLocation: '{sample.Import}'", yaml);
        Assert.Contains($"exportLocation: '{sample.Export}'", yaml);
        Assert.Contains($"location: '{Path.Combine(sample.Root, "output")}'", yaml);
    }

    [Fact]
    public async Task Coalescing_the_sample_keeps_the_truth()
    {
        var sample = samples.Generate("coalesced", marginMinutes: 0, seed: 5, records: 5_000);
        var filesBefore = sample.Files("import").Count() + sample.Files("export").Count();

        var report = await new ManifestCoalescer(new LocalObjectStore(), TimeProvider.System).CoalesceAsync(
            new CoalesceRequest(sample.Root, [ManifestSide.Import, ManifestSide.Export], new CoalesceLimits(1000, 100_000)),
            CancellationToken.None);

        Assert.True(report.Succeeded, string.Join("; ", report.Failures));
        Assert.True(sample.Files("import").Count() + sample.Files("export").Count() < filesBefore / 3);
        AssertTruthMatchesRecount(sample, sample.ImportRows(), sample.ExportRows());
    }

    [Fact]
    public void Generating_over_an_earlier_sample_is_refused_unless_replacing()
    {
        var sample = samples.Generate("twice", marginMinutes: 0, records: 500);
        var options = new GenerateOptions(sample.Root, 500, 1, 1, new DateOnly(2024, 3, 1), 0);

        var (refused, _) = new SampleDataGenerator().Generate(options, replace: false, CancellationToken.None);
        var (replaced, truth) = new SampleDataGenerator().Generate(options, replace: true, CancellationToken.None);

        Assert.Contains("--force", refused);
        Assert.Null(replaced);
        AssertTruthMatchesRecount(sample with { Truth = truth! }, sample.ImportRows(), sample.ExportRows());
    }
}
