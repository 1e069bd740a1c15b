using k8s;

namespace KafkaRecon.Operator.Scheduling;

/// <summary>Finds the API server the way kubectl does: flags, then in-cluster service account, then kubeconfig.</summary>
internal static class KubernetesConnection
{
    public static KubernetesClientConfiguration Configure(string? kubeconfigPath, string? context, string? server)
    {
        KubernetesClientConfiguration config;
        if (kubeconfigPath is not null)
        {
            if (!File.Exists(kubeconfigPath))
            {
                throw new ScheduleInputException($"--kubeconfig '{kubeconfigPath}' does not exist.");
            }
            config = KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath, context);
        }
        else if (server is not null)
        {
            config = new KubernetesClientConfiguration();
        }
        else if (KubernetesClientConfiguration.IsInCluster())
        {
            config = KubernetesClientConfiguration.InClusterConfig();
        }
        else
        {
            config = KubernetesClientConfiguration.BuildConfigFromConfigFile(currentContext: context);
        }
        if (server is not null)
        {
            if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new ScheduleInputException($"--server '{server}' is not an http(s) URL such as https://10.0.0.1:6443.");
            }
            config.Host = server;
        }
        return config;
    }
}
