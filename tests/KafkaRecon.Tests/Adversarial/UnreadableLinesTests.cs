using System.Text;
using System.Text.Json.Nodes;
using KafkaRecon.Operator.Coalescing;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// Issue 12, cases 2 and 7: a line the reader cannot split into eight UTF-8 fields is a rejected line (before, DuckDB
/// failed the whole run on it), and every sample names its file and line, the original's when the file was merged.
/// </summary>
public sealed class UnreadableLinesTests
{
    private static readonly string Ts = ManifestRunFolder.InWindowMs.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A quoted id holding the separator and a line end: the record spans lines, so it is rejected.</summary>
    private const string QuotedId = "q|1\nq";

    [Fact]
    public async Task Lines_of_seven_or_nine_fields_or_not_utf8_are_rejected_with_file_and_line_and_the_rest_is_compared()
    {
        using var folder = new ManifestRunFolder();
        var resource = folder.Write([], [.. new[] { "id-0", "id-1", QuotedId }.Select(id => ExportLine(id))]);
        var import = Path.Combine(folder.Import, "db.coll-1.txt");
        var export = Path.Combine(folder.Export, "db.coll-1.csv");
        File.WriteAllBytes(import, HostileImport());

        var (exit, stdout, stderr) = await CliRun.RunAsync("run", "-f", resource, "--output", "json");

        Assert.True(exit == 3, $"exit {exit}: {stdout}{stderr}");
        Assert.Contains("RejectedLines", stdout);
        var results = JsonNode.Parse(stdout)!["status"]!["results"]!;
        Assert.Equal(6, results["rejectedLines"]!.GetValue<long>());
        Assert.Equal(2, results["imported"]!.GetValue<long>());
        Assert.Equal(2, results["exported"]!.GetValue<long>());
        Assert.Equal(0, results["missingExports"]!.GetValue<long>());
        Assert.Equal(0, results["missingImports"]!.GetValue<long>());
        var summary = RejectedLinesTests.Summary(folder);
        Assert.Equal(["export bad_field_count 1", "import bad_field_count 3", "import bad_timestamp 1", "import not_utf8 1"],
            summary["rejectedLines"]!.AsArray().Select(c =>
                $"{c!["side"]} {c["reason"]} {c["lines"]}"));
        Assert.Equal(
            [
                $"bad_field_count {export}:3 f|{Ts}|db|coll|EXPORT|K2HB|{QuotedId}|MONGO_INSERT",
                $"bad_field_count {import}:2 seven|{Ts}|db|coll|STREAMED|K2HB|seven",
                $"bad_field_count {import}:4 nine|{Ts}|db|coll|STREAMED|K2HB|nine|KAFKA_RECORD|extra",
                $"bad_field_count {import}:6 {QuotedId}|{Ts}|db|coll|STREAMED|K2HB|{QuotedId}|KAFKA_RECORD",
                $"bad_timestamp {import}:9 lost|abc|db|coll|STREAMED|K2HB|lost|KAFKA_RECORD",
                $"not_utf8 {import}:5 bad|{Ts}|db|coll\\xFF|STREAMED|K2HB|bad|KAFKA_RECORD",
            ],
            Samples(summary));
        Assert.Contains($"{import} line 4: nine|", File.ReadAllText(TextReport(folder)));
    }

    [Fact]
    public async Task Raising_maxRejectedLines_to_the_unreadable_lines_lets_the_run_succeed()
    {
        using var folder = new ManifestRunFolder();
        var resource = folder.Write([], [.. new[] { "id-0", "id-1", QuotedId }.Select(id => ExportLine(id))],
            "  verification:\n    maxRejectedLines: 6");
        File.WriteAllBytes(Path.Combine(folder.Import, "db.coll-1.txt"), HostileImport());

        var (exit, stdout, stderr) = await CliRun.RunAsync("run", "-f", resource, "--output", "json");

        Assert.True(exit == 0, $"exit {exit}: {stdout}{stderr}");
        Assert.Equal(6, JsonNode.Parse(stdout)!["status"]!["results"]!["rejectedLines"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_pair_of_stray_quotes_that_joins_two_lines_into_eight_fields_hides_no_record()
    {
        // The quote opened in field 7 of line 1 closes at the end of line 2: one record of eight fields on DuckDB,
        // which swallowed line 2 (id b, never exported) and said Succeeded with 2 of 3 lines counted.
        using var folder = new ManifestRunFolder();
        var resource = folder.Write(
            [
                $"a|{Ts}|db|coll|STREAMED|K2HB|a|\"KAFKA_RECORD",
                $"b|{Ts}|db|coll|STREAMED|K2HB|b|KAFKA_RECORD\"",
                ManifestRunFolder.ImportLine("c", Ts),
            ],
            [ManifestRunFolder.ExportLine("a", Ts), ManifestRunFolder.ExportLine("c", Ts)]);

        var (exit, stdout, stderr) = await CliRun.RunAsync("run", "-f", resource, "--output", "json");

        Assert.True(exit == 3, $"exit {exit}: {stdout}{stderr}");
        var results = JsonNode.Parse(stdout)!["status"]!["results"]!;
        Assert.Equal(1, results["imported"]!.GetValue<long>());
        Assert.Equal(1, results["rejectedLines"]!.GetValue<long>());
        var sample = Assert.Single(RejectedLinesTests.Summary(folder)["rejectedSamples"]!.AsArray())!;
        Assert.Equal("bad_field_count", sample["reason"]!.GetValue<string>());
        Assert.Equal("1", sample["line"]!.ToString());
        Assert.Contains("\nb|", sample["sample"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_line_duckdb_reads_is_compared_as_well_when_another_line_of_its_file_is_unreadable()
    {
        // "b" followed by a space: DuckDB reads b. The seven-field line sends the file to the audit, which rejected
        // the b line too (missing imports 1): the same line's verdict hung on the lines around it.
        using var folder = new ManifestRunFolder();
        var resource = folder.Write(
            [ManifestRunFolder.ImportLine("a", Ts), $"\"b\" |{Ts}|db|coll|STREAMED|K2HB|b|KAFKA_RECORD", $"seven|{Ts}|db|coll|STREAMED|K2HB|seven"],
            [ManifestRunFolder.ExportLine("a", Ts), ManifestRunFolder.ExportLine("b", Ts)]);

        var (exit, stdout, stderr) = await CliRun.RunAsync("run", "-f", resource, "--output", "json");

        Assert.True(exit == 3, $"exit {exit}: {stdout}{stderr}");
        var results = JsonNode.Parse(stdout)!["status"]!["results"]!;
        Assert.Equal(
            (2L, 0L, 1L),
            (results["imported"]!.GetValue<long>(), results["missingImports"]!.GetValue<long>(), results["rejectedLines"]!.GetValue<long>()));
    }

    [Theory]
    [InlineData(3, false, false)]
    [InlineData(48, false, false)]
    [InlineData(48, true, false)]
    [InlineData(48, false, true)]
    public async Task An_over_long_last_line_is_a_rejected_line_however_long(int megabytes, bool finalNewline, bool gzip)
    {
        // DuckDB dropped a last line of tens of MB without an error: exit 0, imported 2 of 3 lines, 0 rejected.
        using var folder = new ManifestRunFolder();
        var resource = folder.Write(
            [ManifestRunFolder.ImportLine("a", Ts), ManifestRunFolder.ImportLine("b", Ts)],
            [ManifestRunFolder.ExportLine("a", Ts), ManifestRunFolder.ExportLine("b", Ts)]);
        var import = Path.Combine(folder.Import, "db.coll-1.txt");
        var content = File.ReadAllBytes(import).Concat(Enumerable.Repeat((byte)'x', megabytes << 20))
            .Concat(finalNewline ? "\n"u8.ToArray() : []).ToArray();
        File.Delete(import);
        if (gzip)
        {
            using var file = File.Create(import + ".gz");
            using var compressed = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest);
            compressed.Write(content);
        }
        else
        {
            File.WriteAllBytes(import, content);
        }

        var (exit, stdout, stderr) = await CliRun.RunAsync("run", "-f", resource, "--output", "json");

        Assert.True(exit == 3, $"exit {exit}: {stdout}{stderr}");
        var results = JsonNode.Parse(stdout)!["status"]!["results"]!;
        Assert.Equal((2L, 1L), (results["imported"]!.GetValue<long>(), results["rejectedLines"]!.GetValue<long>()));
    }

    [Fact]
    public async Task A_lone_carriage_return_inside_a_line_is_a_rejected_line_not_a_failed_transform()
    {
        // DuckDB ends a line at the \r and failed; the audit saw eight fields, set nothing aside, and the run failed
        // (exit 1) naming no line.
        using var folder = new ManifestRunFolder();
        var resource = folder.Write(
            [ManifestRunFolder.ImportLine("a", Ts), ManifestRunFolder.ImportLine("b", Ts) + "\rX", ManifestRunFolder.ImportLine("c", Ts)],
            [ManifestRunFolder.ExportLine("a", Ts), ManifestRunFolder.ExportLine("c", Ts)]);

        var (exit, stdout, stderr) = await CliRun.RunAsync("run", "-f", resource, "--output", "json");

        Assert.True(exit == 3, $"exit {exit}: {stdout}{stderr}");
        var results = JsonNode.Parse(stdout)!["status"]!["results"]!;
        Assert.Equal((2L, 1L), (results["imported"]!.GetValue<long>(), results["rejectedLines"]!.GetValue<long>()));
    }

    [Fact]
    public async Task A_rejected_line_of_a_merged_file_names_the_original_file_and_line()
    {
        using var folder = new ManifestRunFolder();
        var resource = folder.Write(null, [.. new[] { "a", "b", "c", "d" }.Select(id => ExportLine(id))]);
        var first = Original(folder.Import, "t_0_0-t_0_2.txt",
            ManifestRunFolder.ImportLine("a", Ts), $"seven|{Ts}|db|coll|STREAMED|K2HB|seven", ManifestRunFolder.ImportLine("b", Ts));
        var second = Original(folder.Import, "t_0_3-t_0_5.txt",
            ManifestRunFolder.ImportLine("c", Ts), ManifestRunFolder.ImportLine("d", Ts), ManifestRunFolder.ImportLine("lost", "-5"));
        var coalesced = await new ManifestCoalescer(new LocalObjectStore(), TimeProvider.System).CoalesceAsync(
            new CoalesceRequest(folder.Import, [ManifestSide.Import], new CoalesceLimits(1000, 1_000_000)), CancellationToken.None);
        Assert.True(coalesced.Succeeded, string.Join("; ", coalesced.Failures));
        Assert.False(File.Exists(first) || File.Exists(second));

        var (exit, stdout, stderr) = await CliRun.RunAsync("run", "-f", resource, "--output", "json");

        Assert.True(exit == 3, $"exit {exit}: {stdout}{stderr}");
        Assert.Equal(4, JsonNode.Parse(stdout)!["status"]!["results"]!["imported"]!.GetValue<long>());
        Assert.Equal(
            [
                $"bad_field_count {first}:2 seven|{Ts}|db|coll|STREAMED|K2HB|seven",
                $"bad_timestamp {second}:3 lost|-5|db|coll|STREAMED|K2HB|lost|KAFKA_RECORD",
            ],
            Samples(RejectedLinesTests.Summary(folder)));
    }

    /// <summary>
    /// Lines 1 and 3 good, 2 seven fields, 4 nine, 5 not UTF-8, 6-8 one record with a quoted separator and line end
    /// (rejected: a record spanning lines), 9 a bad timestamp (rejected by the SQL, numbered afterwards).
    /// </summary>
    private static byte[] HostileImport()
    {
        var text = new StringBuilder()
            .Append(ManifestRunFolder.ImportLine("id-0", Ts)).Append('\n')
            .Append($"seven|{Ts}|db|coll|STREAMED|K2HB|seven\n")
            .Append(ManifestRunFolder.ImportLine("id-1", Ts)).Append('\n')
            .Append($"nine|{Ts}|db|coll|STREAMED|K2HB|nine|KAFKA_RECORD|extra\n");
        var tail = new StringBuilder()
            .Append($"\"q|1\nq\"|{Ts}|db|coll|STREAMED|K2HB|\"q|1\nq\"|KAFKA_RECORD\n")
            .Append(ManifestRunFolder.ImportLine("lost", "abc")).Append('\n');
        return
        [
            .. Encoding.UTF8.GetBytes(text.ToString()),
            .. Encoding.UTF8.GetBytes($"bad|{Ts}|db|coll"), 0xFF, .. Encoding.UTF8.GetBytes("|STREAMED|K2HB|bad|KAFKA_RECORD\n"),
            .. Encoding.UTF8.GetBytes(tail.ToString()),
        ];
    }

    private static string ExportLine(string id) =>
        id.Contains('|') ? $"f|{Ts}|db|coll|EXPORT|K2HB|\"{id}\"|MONGO_INSERT" : ManifestRunFolder.ExportLine(id, Ts);

    private static string Original(string folder, string name, params string[] lines)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    private static List<string> Samples(JsonNode summary) =>
    [
        .. summary["rejectedSamples"]!.AsArray().Select(s =>
            $"{s!["reason"]} {s["file"]}:{s["line"]} {s["sample"]}").Order(StringComparer.Ordinal),
    ];

    private static string TextReport(ManifestRunFolder folder) =>
        Directory.EnumerateFiles(Path.Combine(Path.GetDirectoryName(folder.Import)!, "out"), "*_results.txt",
            SearchOption.AllDirectories).Single();
}
