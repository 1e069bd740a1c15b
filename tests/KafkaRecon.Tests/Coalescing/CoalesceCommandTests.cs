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
    public async Task Modified_since_merges_only_files_of_the_run_s_input_and_leaves_history_untouched()
    {
        var old = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var file = ManifestFolder.WriteK2hb(_folder.Path, "db.core.t", 0, i * 10, 2);
            if (i < 2)
            {
                File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-3));
                old.Add(file);
            }
        }
        var cutoff = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        var (exit, output, error) = await RunAsync("coalesce", "--location", _folder.Path, "--side", "import",
            "--modified-since", cutoff);

        Assert.True(exit == 0, output + error);
        Assert.Contains("2 files read", output);
        Assert.All(old, file => Assert.True(File.Exists(file), $"{file} is older than the cutoff and must stay as it is"));
        Assert.Equal(3, ManifestFolder.Files(_folder.Path).Length);
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
