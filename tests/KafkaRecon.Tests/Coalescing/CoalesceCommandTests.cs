using KafkaRecon.Tests.Support;
using System.CommandLine;
using KafkaRecon.Operator.Cli;

namespace KafkaRecon.Tests.Coalescing;

public sealed class CoalesceCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>The command with the files just written old enough to merge.</summary>
    private static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) =>
        CliRun.RunAsync([.. args, "--min-file-age", "0s"]);

    [Fact]
    public async Task Coalesce_exits_zero_and_reports_what_it_merged()
    {
        for (var i = 0; i < 4; i++)
        {
            ManifestFolder.WriteK2hb(_folder.Path, "db.core.t", 0, i * 10, 2);
        }

        var (exit, output, _) = await RunAsync("coalesce", "--location", _folder.Path, "--max-files", "2", "--side", "import");

        Assert.Equal(0, exit);
        Assert.Contains("4 files read", output);
        Assert.Contains("2 written", output);
        Assert.Equal(2, ManifestFolder.Files(_folder.Path).Length);
    }

    [Fact]
    public async Task Coalesce_exits_one_when_a_batch_fails()
    {
        ManifestFolder.WriteK2hb(_folder.Path, "db.core.t", 0, 0, 2);
        ManifestFolder.WriteK2hb(_folder.Path, "db.core.t", 0, 10, 2);
        // A merged-looking name already taken by something else: the batch must not overwrite it.
        File.WriteAllText(Path.Combine(_folder.Path, "db.core.t_0_0-1_10-11_coalesced_2.txt"), "other\n");
        File.SetLastWriteTimeUtc(Path.Combine(_folder.Path, "db.core.t_0_0-1_10-11_coalesced_2.txt"), DateTime.UtcNow.AddHours(-1));

        var (exit, _, error) = await RunAsync("coalesce", "--location", _folder.Path);

        Assert.Equal(1, exit);
        Assert.Contains("already exists", error);
        Assert.Equal(3, ManifestFolder.Files(_folder.Path).Length);
    }

    [Theory]
    [InlineData("--max-files", "1", "--max-files 1")]
    [InlineData("--partition", "-1", "--partition -1")]
    public async Task Invalid_options_exit_two_naming_the_option(string option, string value, string expected)
    {
        var (exit, _, error) = await RunAsync("coalesce", "--location", _folder.Path, option, value);

        Assert.Equal(2, exit);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task Missing_location_exits_two()
    {
        var (exit, _, error) = await RunAsync("coalesce", "--location", _folder.Combine("nowhere"));

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", error);
    }
}
