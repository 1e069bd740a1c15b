using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Reconciliation;

namespace KafkaRecon.Operator.Cli;

/// <summary>
/// <c>run --state-file FILE</c>: the run's status kept on disk after every change, as the operator keeps it in the
/// API server. Started again with the same file, a killed run resumes from that status: the phase records hold the
/// idempotency keys and the external work already submitted, so nothing is submitted twice.
/// </summary>
internal sealed class RunStateFile(string path) : IStatusSink
{
    private readonly InMemoryStatusSink memory = new();

    /// <summary>Takes the saved status when the file holds a run of this same resource and spec; none when absent.</summary>
    public void Resume(KafkaReconciliation resource)
    {
        if (!File.Exists(path))
        {
            return;
        }
        KafkaReconciliation? saved;
        try
        {
            saved = KubernetesJson.Deserialize<KafkaReconciliation>(File.ReadAllText(path));
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidResourceException($"--state-file '{path}' is not a saved run ({e.Message}); delete it to start afresh.");
        }
        if (saved?.Metadata?.Name != resource.Metadata.Name
            || saved.Metadata.NamespaceProperty != resource.Metadata.NamespaceProperty
            || KubernetesJson.Serialize(saved.Spec) != KubernetesJson.Serialize(resource.Spec))
        {
            throw new InvalidResourceException(
                $"--state-file '{path}' holds a run of {saved?.Metadata?.NamespaceProperty}/{saved?.Metadata?.Name} " +
                $"with another spec, not of {resource.Metadata.NamespaceProperty}/{resource.Metadata.Name} as in --file; " +
                "delete it or choose another file to start afresh.");
        }
        resource.Status = saved.Status;
    }

    public async Task<KafkaReconciliation> WriteStatusAsync(
        KafkaReconciliation resource, KafkaReconciliationStatus status, CancellationToken cancellationToken)
    {
        resource = await memory.WriteStatusAsync(resource, status, cancellationToken);
        // Written whole, then renamed over the old file: a kill never leaves half a status behind.
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, KubernetesJson.Serialize(resource), CancellationToken.None);
        File.Move(temporary, path, overwrite: true);
        return resource;
    }
}
