using KafkaRecon.Operator.Cli;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.Cli;

public sealed class RunCommandOptionsTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    public async Task Poll_interval_that_is_not_positive_is_refused_naming_the_option(string interval)
    {
        var (exit, _, error) = await CliRun.RunAsync("run", "--demo", "--poll-interval", interval);

        Assert.NotEqual(0, exit);
        Assert.Contains("--poll-interval", error);
    }

    [Fact]
    public void Poll_interval_is_parsed_but_left_out_of_the_help_while_state_file_is_listed()
    {
        var parse = CliApplication.BuildRoot().Parse(["run", "--demo", "--poll-interval", "00:00:00.2", "--state-file", "s.json"]);
        var help = new StringWriter();
        CliApplication.BuildRoot().Parse(["run", "--help"]).Invoke(new System.CommandLine.InvocationConfiguration { Output = help });

        Assert.Empty(parse.Errors);
        Assert.DoesNotContain("--poll-interval", help.ToString());
        Assert.Contains("--state-file", help.ToString());
    }
}
