namespace KafkaRecon.Operator.Kubernetes.Store;

/// <summary>The connection flags cannot work (no such kubeconfig, a server that is not a URL); the message says which.</summary>
internal sealed class KubernetesConnectionException(string message) : Exception(message);
