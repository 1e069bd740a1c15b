namespace KafkaRecon.Tests.RealApiServer;

/// <summary>
/// The control-plane binaries of controller-runtime's envtest convention: the folder named by
/// <c>KUBEBUILDER_ASSETS</c> (what <c>setup-envtest use 1.36 -p path</c> prints) with etcd and kube-apiserver in it.
/// </summary>
internal static class EnvtestAssets
{
    public const string Variable = "KUBEBUILDER_ASSETS";

    public static string? Folder => Environment.GetEnvironmentVariable(Variable);

    /// <summary>Why the real-API-server tests cannot run here, or null when they can.</summary>
    public static string? MissingReason { get; } = FindMissing();

    public static string Binary(string name) => Path.Combine(Folder!, name);

    private static string? FindMissing()
    {
        if (string.IsNullOrEmpty(Folder))
        {
            return $"{Variable} is not set: point it at a folder with etcd and kube-apiserver (setup-envtest use 1.36 -p path)";
        }
        var missing = new[] { "etcd", "kube-apiserver", "kube-controller-manager" }
            .Where(name => !File.Exists(Path.Combine(Folder, name))).ToList();
        return missing.Count == 0 ? null : $"{Variable}={Folder} lacks {string.Join(", ", missing)}";
    }
}
