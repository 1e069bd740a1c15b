namespace KafkaRecon.Entities;

/// <summary>Why a phase that is still running waits longer than usual before its next poll.</summary>
public enum PhaseDelay
{
    /// <summary>AWS throttled or answered with a server error; the request is tried again later.</summary>
    AwsUnavailable,
    /// <summary>The Glue job is at its concurrent-run limit.</summary>
    GlueConcurrencyLimit,
}
