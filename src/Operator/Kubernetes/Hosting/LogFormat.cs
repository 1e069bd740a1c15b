namespace KafkaRecon.Operator.Kubernetes.Hosting;

internal enum LogFormat
{
    Text,
    Json,
}
