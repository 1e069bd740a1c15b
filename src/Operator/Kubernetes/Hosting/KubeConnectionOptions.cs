using k8s;
using KafkaRecon.Operator.Kubernetes.Store;

namespace KafkaRecon.Operator.Kubernetes.Hosting;

/// <summary>Where the API server is: <c>--server</c> (tests, no auth), a kubeconfig and context, or in-cluster.</summary>
internal sealed record KubeConnectionOptions(string? Kubeconfig = null, string? Context = null, string? Server = null)
{
    public KubernetesClientConfiguration ToClientConfiguration() =>
        KubernetesConnection.Configure(Kubeconfig, Context, Server);
}
