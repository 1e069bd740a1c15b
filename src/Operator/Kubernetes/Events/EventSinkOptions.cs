namespace KafkaRecon.Operator.Kubernetes.Events;

/// <summary>Who reports the events: the component is fixed, the instance is this replica's identity.</summary>
internal sealed record EventSinkOptions(string ReportingInstance)
{
    public const string ReportingComponent = "kafka-recon";
}
