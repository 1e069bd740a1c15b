using k8s.Models;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Engines.Jobs;

/// <summary>
/// The pure reading of a Job and its pod's termination: Complete and Failed are the Job's terminal conditions (the
/// interim SuccessCriteriaMet and FailureTarget are not yet terminal: the pod may still be running). A failure is
/// told in the pod's own words when it reported them (the phase's failure and whether retrying helps), else by what
/// ended the container (OOMKilled names spec.transform.memoryLimit), else by the Job's condition.
/// </summary>
internal static class PhaseJobStates
{
    public static PhaseJobState Of(V1Job? job, V1ContainerStateTerminated? ended)
    {
        if (job is null || job.Metadata?.DeletionTimestamp is not null)
        {
            return new PhaseJobState.Missing();
        }
        var name = $"Job {job.Metadata?.NamespaceProperty}/{job.Metadata?.Name}";
        if (Condition(job, "Complete") is not null)
        {
            return new PhaseJobState.Completed(PhaseJobResult.TryParse(ended?.Message));
        }
        if (Condition(job, "Failed") is not { } failed)
        {
            return new PhaseJobState.Running();
        }
        if (PhaseJobResult.TryParse(ended?.Message) is { Failure: { } failure } result)
        {
            return new PhaseJobState.Failed(failure, $"{name}: {result.Message}", result.Retryable);
        }
        if (ended?.Reason == "OOMKilled")
        {
            return new PhaseJobState.Failed(PhaseFailure.TransformFailed,
                $"{name}: its pod ran out of memory (OOMKilled); raise spec.transform.memoryLimit, which is the pod's memory limit.",
                Retryable: true);
        }
        if (failed.Reason == "DeadlineExceeded")
        {
            return new PhaseJobState.Failed(PhaseFailure.TimedOut,
                $"{name} ran past spec.timeouts.transform and was stopped: {failed.Message}", Retryable: true);
        }
        var container = ended is null
            ? ""
            : $"; its pod ended with exit code {ended.ExitCode}" +
              (string.IsNullOrWhiteSpace(ended.Reason) ? "" : $" ({ended.Reason})") +
              (string.IsNullOrWhiteSpace(ended.Message) ? "" : $": {ended.Message.Trim()}");
        return new PhaseJobState.Failed(PhaseFailure.TransformFailed,
            $"{name} failed ({failed.Reason}: {failed.Message}){container}", Retryable: true);
    }

    private static V1JobCondition? Condition(V1Job job, string type) =>
        job.Status?.Conditions?.FirstOrDefault(c => c.Type == type && c.Status == "True");
}
