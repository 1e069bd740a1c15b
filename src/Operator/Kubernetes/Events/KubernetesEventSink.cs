using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Operator.Reconciliation;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Kubernetes.Events;

/// <summary>
/// core/v1 Events on the resource (what <c>kubectl describe</c> shows). A repeat of the same reason and message
/// within <see cref="AggregationWindow"/> bumps the existing Event's count instead of creating another. Events are
/// best effort: a failure is logged, never thrown into the reconcile.
/// </summary>
internal sealed class KubernetesEventSink(
    IKubernetes client, TimeProvider time, EventSinkOptions options, ILogger<KubernetesEventSink> logger) : IEventSink
{
    public static readonly TimeSpan AggregationWindow = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<EventAggregationKey, RecordedEvent> recent = new();

    public async Task EmitAsync(
        KafkaReconciliation resource, EventSeverity severity, string reason, string message,
        CancellationToken cancellationToken)
    {
        var ns = resource.Metadata.NamespaceProperty ?? "default";
        var key = new EventAggregationKey(ns, resource.Metadata.Uid ?? resource.Metadata.Name ?? "", severity, reason, message);
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            if (recent.TryGetValue(key, out var previous) && now - previous.LastSeen < AggregationWindow
                && await TryBumpAsync(ns, previous, now, cancellationToken) is { } bumped)
            {
                recent[key] = bumped;
                return;
            }
            var created = await client.CoreV1.CreateNamespacedEventAsync(
                NewEvent(resource, ns, severity, reason, message, now), ns, cancellationToken: cancellationToken);
            recent[key] = new RecordedEvent(created.Metadata.Name, created.Count ?? 1, now);
            PruneOlderThan(now - AggregationWindow);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Could not record event {Reason} on {Key}", reason, ResourceKey.Of(resource));
        }
    }

    private async Task<RecordedEvent?> TryBumpAsync(
        string ns, RecordedEvent previous, DateTime now, CancellationToken cancellationToken)
    {
        var count = previous.Count + 1;
        var patch = new V1Patch(
            KubernetesJson.Serialize(new Dictionary<string, object> { ["count"] = count, ["lastTimestamp"] = now }),
            V1Patch.PatchType.MergePatch);
        try
        {
            await client.CoreV1.PatchNamespacedEventAsync(patch, previous.Name, ns, cancellationToken: cancellationToken);
            return previous with { Count = count, LastSeen = now };
        }
        catch (k8s.Autorest.HttpOperationException gone) when (gone.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private Corev1Event NewEvent(
        KafkaReconciliation resource, string ns, EventSeverity severity, string reason, string message, DateTime now) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = EventName(resource.Metadata.Name ?? "kafkareconciliation"),
            NamespaceProperty = ns,
        },
        InvolvedObject = new V1ObjectReference
        {
            ApiVersion = resource.ApiVersion,
            Kind = resource.Kind,
            Name = resource.Metadata.Name,
            NamespaceProperty = ns,
            Uid = resource.Metadata.Uid,
            ResourceVersion = resource.Metadata.ResourceVersion,
        },
        Type = severity == EventSeverity.Warning ? "Warning" : "Normal",
        Reason = reason,
        Message = message.Length > 1024 ? message[..1024] : message,
        Source = new V1EventSource { Component = EventSinkOptions.ReportingComponent },
        ReportingComponent = EventSinkOptions.ReportingComponent,
        ReportingInstance = options.ReportingInstance,
        FirstTimestamp = now,
        LastTimestamp = now,
        Count = 1,
    };

    /// <summary>Like the kubelet's "name.suffix" names, kept within the 253-character limit.</summary>
    private static string EventName(string resourceName)
    {
        var prefix = resourceName.Length > 236 ? resourceName[..236] : resourceName;
        return $"{prefix}.{Guid.NewGuid().ToString("N")[..16]}";
    }

    private void PruneOlderThan(DateTime cutoff)
    {
        foreach (var (key, value) in recent)
        {
            if (value.LastSeen < cutoff)
            {
                recent.TryRemove(key, out _);
            }
        }
    }

    private sealed record RecordedEvent(string Name, int Count, DateTime LastSeen);
}
