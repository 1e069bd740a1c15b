using KafkaRecon.Operator.Cli;

namespace KafkaRecon.Tests.Cli;

public sealed class VersionCommandTests
{
    [Fact]
    public async Task Version_prints_a_version_and_exits_zero()
    {
        var output = new StringWriter();
        var parsed = CliApplication.BuildRoot().Parse(["version"]);
        var exit = await parsed.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output });
        Assert.Equal(0, exit);
        Assert.Matches(@"^\d+\.\d+", output.ToString());
    }
}
