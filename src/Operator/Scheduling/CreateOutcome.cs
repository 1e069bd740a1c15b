namespace KafkaRecon.Operator.Scheduling;

/// <summary>What a create call found at the API server.</summary>
internal enum CreateOutcome
{
    Created,
    AlreadyExists,
}
