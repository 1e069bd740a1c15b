using k8s.Models;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Kubernetes.Finalizers;

/// <summary>
/// JSON patches that add or remove the <see cref="WellKnown.Finalizer"/> finalizer without clobbering other
/// controllers' finalizers: adding is conditional on the resourceVersion read, removing on the value at the index.
/// </summary>
internal static class FinalizerPatches
{
    public static bool Has(KafkaReconciliation resource) =>
        resource.Metadata.Finalizers?.Contains(WellKnown.Finalizer) == true;

    public static V1Patch Add(KafkaReconciliation resource)
    {
        var test = Operation("test", "/metadata/resourceVersion", resource.Metadata.ResourceVersion);
        var add = resource.Metadata.Finalizers is null
            ? Operation("add", "/metadata/finalizers", new[] { WellKnown.Finalizer })
            : Operation("add", "/metadata/finalizers/-", WellKnown.Finalizer);
        return Patch(test, add);
    }

    public static V1Patch Remove(KafkaReconciliation resource)
    {
        var index = resource.Metadata.Finalizers?.IndexOf(WellKnown.Finalizer) ?? -1;
        if (index < 0)
        {
            throw new InvalidOperationException(
                $"{resource.Metadata.NamespaceProperty}/{resource.Metadata.Name} has no {WellKnown.Finalizer} finalizer to remove");
        }
        var path = $"/metadata/finalizers/{index}";
        return Patch(Operation("test", path, WellKnown.Finalizer), Operation("remove", path, null));
    }

    private static Dictionary<string, object?> Operation(string op, string path, object? value)
    {
        var operation = new Dictionary<string, object?> { ["op"] = op, ["path"] = path };
        if (op != "remove")
        {
            operation["value"] = value;
        }
        return operation;
    }

    private static V1Patch Patch(params Dictionary<string, object?>[] operations) =>
        new(k8s.KubernetesJson.Serialize(operations), V1Patch.PatchType.JsonPatch);
}
