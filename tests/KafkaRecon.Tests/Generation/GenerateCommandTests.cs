using KafkaRecon.Tests.Support;
using System.CommandLine;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Tests.Coalescing;

namespace KafkaRecon.Tests.Generation;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) =>
        CliRun.RunAsync(args);

    [Fact]
    public async Task Generate_writes_the_sample_truth_and_resource()
    {
        var (exit, output, _) = await RunAsync("generate", "--out", _folder.Path, "--records", "800", "--seed", "3", "--date", "2024-05-06");

        Assert.Equal(0, exit);
        Assert.Contains("missing exports", output);
        Assert.True(File.Exists(_folder.Combine("truth.json")));
        Assert.Contains("start: \"2024-05-06T00:00:00Z\"", File.ReadAllText(_folder.Combine("reconciliation.yaml")));
        Assert.NotEmpty(Directory.GetFiles(_folder.Combine("import"), "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("--date", "01/03/2024", "--date '01/03/2024'")]
    [InlineData("--missing-percent", "95", "--missing-percent 95")]
    [InlineData("--records", "-1", "--records -1")]
    [InlineData("--margin-minutes", "2000", "--margin-minutes 2000")]
    public async Task Invalid_options_exit_two_naming_the_option(string option, string value, string expected)
    {
        var (exit, _, error) = await RunAsync("generate", "--out", _folder.Path, option, value);

        Assert.Equal(2, exit);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task Generating_twice_into_the_same_folder_needs_force()
    {
        await RunAsync("generate", "--out", _folder.Path, "--records", "100");

        var (refused, _, error) = await RunAsync("generate", "--out", _folder.Path, "--records", "100");
        var (forced, _, _) = await RunAsync("generate", "--out", _folder.Path, "--records", "100", "--force");

        Assert.Equal(2, refused);
        Assert.Contains("--force", error);
        Assert.Equal(0, forced);
    }
}
