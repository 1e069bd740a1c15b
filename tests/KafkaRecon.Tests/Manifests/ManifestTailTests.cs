using System.Text;
using KafkaRecon.Operator.Manifests;
using KafkaRecon.Tests.Coalescing;

namespace KafkaRecon.Tests.Manifests;

public sealed class ManifestTailTests
{
    [Theory]
    [InlineData("", false)]
    [InlineData("\n", false)]
    [InlineData("abcd", false)]
    [InlineData("abcde", true)]
    [InlineData("abcd\n", false)]
    [InlineData("abcde\n", true)]
    [InlineData("abcdefgh\nabcd", false)]
    [InlineData("abcdefgh\nabcd\n", false)]
    [InlineData("ab\nabcde", true)]
    [InlineData("ab\nabcde\n", true)]
    public void Measures_the_last_line_without_its_line_end_plain_and_compressed(string content, bool exceeds)
    {
        using var folder = new TemporaryFolder();
        var plain = folder.Combine("m.txt");
        File.WriteAllText(plain, content);
        var compressed = folder.Combine("m.txt.gz");
        using (var file = File.Create(compressed))
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(content));
        }

        Assert.Equal(exceeds, ManifestTail.LastLineExceeds(plain, 4));
        Assert.Equal(exceeds, ManifestTail.LastLineExceeds(compressed, 4));
    }

    [Fact]
    public void A_last_line_longer_than_one_read_is_measured_across_reads()
    {
        using var folder = new TemporaryFolder();
        var plain = folder.Combine("m.txt");
        File.WriteAllText(plain, "a\n" + new string('x', 200_000));

        Assert.True(ManifestTail.LastLineExceeds(plain, 150_000));
        Assert.False(ManifestTail.LastLineExceeds(plain, 200_000));
    }
}
