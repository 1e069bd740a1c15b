using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.Cli;

public sealed class CommandLineErrorTests
{
    [Fact]
    public async Task An_option_value_of_the_wrong_type_is_bad_input_with_exit_code_2()
    {
        var (exit, _, error) = await CliRun.RunAsync("generate", "--records", "abc", "--out", Path.GetTempPath());

        Assert.Equal(2, exit);
        Assert.Contains("abc", error);
        Assert.Contains("See 'kafka-recon generate --help'.", error);
    }

    [Fact]
    public async Task An_unknown_option_is_bad_input_with_exit_code_2()
    {
        var (exit, _, error) = await CliRun.RunAsync("run", "--no-such-option");

        Assert.Equal(2, exit);
        Assert.Contains("--no-such-option", error);
    }

    [Fact]
    public async Task An_unknown_command_is_bad_input_with_exit_code_2()
    {
        var (exit, _, error) = await CliRun.RunAsync("reconcile-everything");

        Assert.Equal(2, exit);
        Assert.Contains("See 'kafka-recon --help'.", error);
    }

    [Fact]
    public async Task Help_is_not_an_error()
    {
        var (exit, output, _) = await CliRun.RunAsync("run", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("--demo", output);
    }
}
