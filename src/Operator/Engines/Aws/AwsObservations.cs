using KafkaRecon.Entities;
using KafkaRecon.Operator.Aws;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>What an AWS error means for a phase: wait and try again, or fail (retryable or not).</summary>
internal static class AwsObservations
{
    public static readonly TimeSpan BackOffAfterThrottling = TimeSpan.FromMinutes(1);

    public static PhaseObservation FromError(AwsServiceException error, string action, IReadOnlyList<string> externalIds) =>
        error.Kind switch
        {
            AwsErrorKind.Throttling or AwsErrorKind.ServerError =>
                PhaseObservation.Running(externalIds, BackOffAfterThrottling) with
                {
                    Delay = PhaseDelay.AwsUnavailable,
                    Message = $"{action}: {error.Message}; trying again later.",
                },
            AwsErrorKind.Validation or AwsErrorKind.NotFound or AwsErrorKind.AccessDenied =>
                PhaseObservation.Failed(PhaseFailure.AwsRequestRejected, $"{action}: {error.Message}", retryable: false)
                    with { ExternalIds = externalIds },
            _ => PhaseObservation.Failed(PhaseFailure.AwsRequestFailed, $"{action}: {error.Message}") with { ExternalIds = externalIds },
        };

    /// <summary>No credentials (or no usable configuration): trying again cannot help until someone provides them.</summary>
    public static PhaseObservation NotConfigured(AwsConfigurationException error, string action, IReadOnlyList<string> externalIds) =>
        PhaseObservation.Failed(PhaseFailure.EngineNotConfigured, $"{action}: {error.Message}", retryable: false)
            with { ExternalIds = externalIds };
}
