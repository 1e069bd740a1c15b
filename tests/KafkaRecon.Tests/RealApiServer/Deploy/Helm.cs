namespace KafkaRecon.Tests.RealApiServer.Deploy;

/// <summary>Helm 3 and Helm 4 as tests/prerequisites.sh installs them (override with HELM3 / HELM4).</summary>
internal static class Helm
{
    public static string Executable(int major)
    {
        var tools = Environment.GetEnvironmentVariable("KAFKA_RECON_TOOLS") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "kafka-recon", "tools");
        var path = Environment.GetEnvironmentVariable($"HELM{major}") is { Length: > 0 } given
            ? given
            : Path.Combine(tools, $"helm{major}", "helm");
        Assert.True(File.Exists(path), $"Helm {major} is not at {path}; run tests/prerequisites.sh (or set HELM{major})");
        return path;
    }
}
