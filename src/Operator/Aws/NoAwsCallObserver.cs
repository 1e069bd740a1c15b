namespace KafkaRecon.Operator.Aws;

/// <summary>Counts nothing: the observer when metrics are not wired.</summary>
internal sealed class NoAwsCallObserver : IAwsCallObserver
{
    public static readonly NoAwsCallObserver Instance = new();

    public void Observe(string service, string operation, string outcome)
    {
    }
}
