using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Kubernetes.Store;

/// <summary>What the work queue carries: the identity of a resource, never its content (level-triggered).</summary>
internal readonly record struct ResourceKey(string Namespace, string Name)
{
    public static ResourceKey Of(KafkaReconciliation resource) =>
        new(resource.Metadata.NamespaceProperty ?? "", resource.Metadata.Name ?? "");

    public override string ToString() => $"{Namespace}/{Name}";
}
