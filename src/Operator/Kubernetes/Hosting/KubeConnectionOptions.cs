using k8s;

namespace KafkaRecon.Operator.Kubernetes.Hosting;

/// <summary>Where the API server is: <c>--server</c> (tests, no auth), a kubeconfig and context, or in-cluster.</summary>
internal sealed record KubeConnectionOptions(string? Kubeconfig = null, string? Context = null, string? Server = null)
{
    public KubernetesClientConfiguration ToClientConfiguration()
    {
        if (!string.IsNullOrEmpty(Server))
        {
            return new KubernetesClientConfiguration { Host = Server };
        }
        if (Kubeconfig is null && Context is null && KubernetesClientConfiguration.IsInCluster())
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }
        return KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath: Kubeconfig, currentContext: Context);
    }
}
