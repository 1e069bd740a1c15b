using System.Text;
using KafkaRecon.Operator.Manifests;

namespace KafkaRecon.Tests.Manifests;

public sealed class ManifestRecordReaderTests
{
    private const string Good = "a|1|db|c|S|K|a|T";

    [Fact]
    public void Good_records_come_with_their_physical_line_and_byte_range_and_blank_lines_carry_none()
    {
        var records = Read($"{Good}\r\n\n{Good}\n{Good}");

        Assert.Equal([(1L, 0L, 18L), (3L, 19L, 36L), (4L, 36L, 52L)], records.Select(r => (r.Line, r.Start, r.End)));
        Assert.All(records, r => Assert.Equal(["a", "1", "db", "c", "S", "K", "a", "T"], r.Fields!));
    }

    [Theory]
    [InlineData("a|1|db|c|S|K|a")]
    [InlineData("a|1|db|c|S|K|a|T|x")]
    [InlineData("\"a\"x|1|db|c|S|K|a|T")]
    [InlineData("|")]
    public void A_line_that_is_not_eight_fields_is_bad_field_count_with_its_text_as_sample(string bad)
    {
        var records = Read($"{Good}\n{bad}\n{Good}\n");

        var rejected = Assert.Single(records, r => !r.IsReadable);
        Assert.Equal((2L, UnreadableReason.BadFieldCount, bad), (rejected.Line, rejected.Reason, rejected.Sample));
        Assert.Equal(2, records.Count(r => r.IsReadable));
    }

    [Fact]
    public void A_quoted_separator_and_line_end_are_data_of_one_record_starting_on_its_first_line()
    {
        // (The shared SQL then rejects the record for its line end; a \r in it is rejected here already.)
        var records = Read($"\"x|\ny\"\"\"|1|db|c|S|K|a|T\n{Good}\n");

        Assert.Equal([1L, 3L], records.Select(r => r.Line));
        Assert.Equal("x|\ny\"", records[0].Fields![0]);
    }

    [Fact]
    public void A_lone_carriage_return_inside_a_line_is_bad_field_count_because_duckdb_ends_a_line_there()
    {
        var records = Read($"{Good}\na|1|db|c|S|K|a|T\rX\n{Good}\n");

        var rejected = Assert.Single(records, r => !r.IsReadable);
        Assert.Equal((2L, UnreadableReason.BadFieldCount, "a|1|db|c|S|K|a|T\\x0DX"), (rejected.Line, rejected.Reason, rejected.Sample));
    }

    [Fact]
    public void A_stray_quote_before_many_lines_without_quotes_is_read_in_linear_time()
    {
        // Splitting the growing record again at every line took 2.5 minutes for 20,000 lines (1.4 MB) after one quote.
        var text = "\"stray|1|db|c|S|K|x|T\n" + string.Concat(Enumerable.Repeat(Good + "\n", 30_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var records = Read(text);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal(30_001, records.Count);
        Assert.Equal(1L, Assert.Single(records, r => !r.IsReadable).Line);
    }

    [Fact]
    public void Spaces_after_a_closing_quote_are_dropped_as_duckdb_drops_them()
    {
        // DuckDB reads "b"  as b; rejecting it here made the line compared or rejected depending on whether another
        // line of the file failed DuckDB first (only then is this reader asked).
        var record = Assert.Single(Read("\"b\"  |1|db|c|S|K|b|T\n"));

        Assert.Equal(["b", "1", "db", "c", "S", "K", "b", "T"], record.Fields!);
    }

    [Fact]
    public void A_quote_never_closed_rejects_only_its_line_and_the_lines_after_it_are_read()
    {
        var records = Read($"\"open|1|db|c|S|K|a|T\n{Good}\n{Good}\n");

        Assert.Equal([(1L, UnreadableReason.BadFieldCount), (2L, null), (3L, null)], records.Select(r => (r.Line, r.Reason)));
    }

    [Fact]
    public void A_stray_quote_closed_by_another_lines_later_hides_no_line_between_them()
    {
        var records = Read($"\"open|1|db|c|S|K|a|T\n{Good}\n\"open|1|db|c|S|K|a|T\n{Good}\n");

        Assert.Equal([(1L, false), (2L, true), (3L, false), (4L, true)], records.Select(r => (r.Line, r.IsReadable)));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_make_a_not_utf8_record_whose_sample_shows_them_escaped()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("a|1|db|c"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("|S|K|a|T\n")];

        var record = Assert.Single(ManifestRecordReader.Read(new MemoryStream(bytes), CancellationToken.None));

        Assert.Equal(UnreadableReason.NotUtf8, record.Reason);
        Assert.Equal("a|1|db|c\\xC3(|S|K|a|T", record.Sample);
    }

    [Fact]
    public void A_sample_is_cut_to_200_characters_and_shows_control_characters_escaped()
    {
        var record = Assert.Single(Read("\t\u0001" + new string('é', 300) + "\n"));

        Assert.Equal("\t\\x01" + new string('é', 195), record.Sample);
    }

    private static List<ManifestRecord> Read(string text) =>
        [.. ManifestRecordReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None)];
}
