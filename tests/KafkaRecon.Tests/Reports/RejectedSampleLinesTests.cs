using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Coalescing;

namespace KafkaRecon.Tests.Reports;

public sealed class RejectedSampleLinesTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_sample_cut_to_200_characters_is_the_rejected_line_not_a_good_line_sharing_its_start()
    {
        var id = new string('i', 250);
        var file = folder.Combine("m.txt");
        await File.WriteAllTextAsync(file, $"{id}|1|db|c|S|K|{id}|T\n{id}|-1|db|c|S|K|{id}|T\n");
        var sample = new RejectedLineSample("import", "bad_timestamp", file, id[..200]);

        var located = await new RejectedSampleLines(new LocalObjectStore()).LocateAsync([sample], CancellationToken.None);

        Assert.Equal(2, Assert.Single(located).Line);
    }

    [Fact]
    public async Task Equal_samples_get_distinct_lines_and_a_missing_file_leaves_its_sample_as_it_was()
    {
        var file = folder.Combine("m.txt");
        await File.WriteAllTextAsync(file, "a|x|db|c|S|K|a|T\na|1|db|c|S|K|a|T\na|x|db|c|S|K|a|T\n");
        var sample = new RejectedLineSample("import", "bad_timestamp", file, "a|x|db|c|S|K|a|T");
        var gone = new RejectedLineSample("import", "bad_timestamp", folder.Combine("gone.txt"), "a|x|db|c|S|K|a|T");

        var located = await new RejectedSampleLines(new LocalObjectStore()).LocateAsync([sample, sample, gone], CancellationToken.None);

        Assert.Equal([1L, 3L, null], located.Select(s => s.Line));
    }
}
