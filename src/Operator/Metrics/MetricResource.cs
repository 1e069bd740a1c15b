using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Metrics;

/// <summary>The labels that identify a resource's series: namespace, name and its schedule (empty if unlabelled).</summary>
internal sealed record MetricResource(string Namespace, string Name, string Schedule)
{
    public static MetricResource From(KafkaReconciliation resource)
    {
        var labels = resource.Metadata.Labels;
        var schedule = labels is not null && labels.TryGetValue(WellKnown.ScheduleLabel, out var value) ? value : "";
        return new MetricResource(
            resource.Metadata.NamespaceProperty ?? "", resource.Metadata.Name ?? "", schedule ?? "");
    }

    public string Key => $"{Namespace}/{Name}";
}
