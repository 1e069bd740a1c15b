using k8s;

namespace KafkaRecon.Operator.Kubernetes.Store;

/// <summary>
/// Finds the API server the way kubectl does, for the operator and <c>create</c> alike: <c>--server</c> alone is used
/// as given (tests, no credentials); a kubeconfig (<c>--kubeconfig</c>, else the default one) with its
/// <c>--context</c> supplies server and credentials, <c>--server</c> overriding its host; with none of these, a pod
/// uses its service account.
/// </summary>
internal static class KubernetesConnection
{
    public static KubernetesClientConfiguration Configure(string? kubeconfigPath, string? context, string? server)
    {
        server = string.IsNullOrEmpty(server) ? null : server;
        if (server is not null && !(Uri.TryCreate(server, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            throw new KubernetesConnectionException($"--server '{server}' is not an http(s) URL such as https://10.0.0.1:6443.");
        }
        if (kubeconfigPath is not null && !File.Exists(kubeconfigPath))
        {
            throw new KubernetesConnectionException($"--kubeconfig '{kubeconfigPath}' does not exist.");
        }
        KubernetesClientConfiguration config;
        if (kubeconfigPath is null && context is null && server is not null)
        {
            config = new KubernetesClientConfiguration();
        }
        else if (kubeconfigPath is null && context is null && KubernetesClientConfiguration.IsInCluster())
        {
            config = KubernetesClientConfiguration.InClusterConfig();
        }
        else
        {
            config = KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath, context);
        }
        if (server is not null)
        {
            config.Host = server;
        }
        return config;
    }
}
