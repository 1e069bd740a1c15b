using KafkaRecon.Operator.Cli;

namespace KafkaRecon.Tests.Kubernetes.Hosting;

public sealed class OperatorCommandTests
{
    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData("15s", 15)]
    [InlineData("1h30m", 5400)]
    [InlineData("2m", 120)]
    [InlineData("1.5h", 5400)]
    public void Durations_are_read_go_style(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OperatorCommand.ParseDuration(text));

    [Theory]
    [InlineData("--workers", "0", "--workers must be at least 1")]
    [InlineData("--watch-timeout", "10m", "--watch-timeout must be below 10m")]
    [InlineData("--lease-duration", "soon", "--lease-duration expects a duration")]
    public void Invalid_flags_are_rejected_with_what_was_expected(string flag, string value, string expected)
    {
        var parsed = CliApplication.BuildRoot().Parse(["operator", flag, value]);
        Assert.Contains(parsed.Errors, error => error.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_parse_without_errors()
    {
        var parsed = CliApplication.BuildRoot().Parse(["operator", "--namespaces", "a,b", "--leader-elect"]);
        Assert.Empty(parsed.Errors);
    }
}
