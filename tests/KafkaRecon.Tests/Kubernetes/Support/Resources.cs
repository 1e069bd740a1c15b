using k8s.Models;
using KafkaRecon.Entities;

namespace KafkaRecon.Tests.Kubernetes.Support;

internal static class Resources
{
    public const string CollectionPath = "/apis/kafkarecon.io/v1alpha1/namespaces/{0}/kafkareconciliations";

    public static KafkaReconciliation SampleResource(
        string ns, string name, string resourceVersion, long generation = 1, params string[] finalizers) => new()
    {
        Metadata = new V1ObjectMeta
        {
            NamespaceProperty = ns,
            Name = name,
            ResourceVersion = resourceVersion,
            Generation = generation,
            Uid = $"uid-{ns}-{name}",
            Finalizers = finalizers.Length == 0 ? null : finalizers.ToList(),
        },
        Spec = new KafkaReconciliationSpec
        {
            Manifests = new ManifestsSpec { ImportLocation = "/data/import", ExportLocation = "/data/export" },
            Output = new OutputSpec { Location = "/data/out" },
        },
    };

    public static KafkaReconciliationList List(string resourceVersion, params KafkaReconciliation[] items) => new()
    {
        Metadata = new V1ListMeta { ResourceVersion = resourceVersion },
        Items = items.ToList(),
    };

    public static string Collection(string ns) => string.Format(CollectionPath, ns);

    public static string Item(string ns, string name) => $"{Collection(ns)}/{name}";
}
