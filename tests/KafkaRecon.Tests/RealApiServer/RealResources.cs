using KafkaRecon.Entities;
using KafkaRecon.Tests.ApiServer;

namespace KafkaRecon.Tests.RealApiServer;

internal static class RealResources
{
    /// <summary>A valid resource (embedded engine, local paths) in a test's own namespace.</summary>
    public static KafkaReconciliation Minimal(string namespaceName, string name)
    {
        var resource = Samples.Reconciliation(name);
        resource.Metadata.NamespaceProperty = namespaceName;
        return resource;
    }
}
