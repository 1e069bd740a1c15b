namespace KafkaRecon.Tests.Monitoring;

/// <summary>Locates a required command-line tool, failing (never skipping) with the install hint when absent.</summary>
internal static class ExternalTool
{
    public static string Require(string name, string installHint)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        Assert.Fail($"'{name}' is not installed; {installHint}");
        return "";
    }

    public const string PrometheusHint =
        "install Debian's package with 'apt-get install -y prometheus' (tests/monitoring/check.sh does this, " +
        ".ci/run calls it before the tests).";
}
