namespace KafkaRecon.Operator.Aws;

/// <summary>
/// Told about every AWS request attempt, so metrics can count calls by service, operation and outcome
/// (<c>success</c> or an <see cref="AwsErrorKind"/> name, <c>timeout</c>, <c>network</c>, <c>cancelled</c>).
/// </summary>
internal interface IAwsCallObserver
{
    void Observe(string service, string operation, string outcome);
}
