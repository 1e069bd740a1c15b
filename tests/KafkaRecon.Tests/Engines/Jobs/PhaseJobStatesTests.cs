using k8s.Models;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines.Jobs;

namespace KafkaRecon.Tests.Engines.Jobs;

public sealed class PhaseJobStatesTests
{
    [Fact]
    public void No_job_or_a_deleting_one_is_missing()
    {
        var deleting = Job();
        deleting.Metadata.DeletionTimestamp = DateTime.UtcNow;

        Assert.IsType<PhaseJobState.Missing>(PhaseJobStates.Of(null, null));
        Assert.IsType<PhaseJobState.Missing>(PhaseJobStates.Of(deleting, null));
    }

    [Fact]
    public void A_job_with_only_interim_conditions_is_still_running()
    {
        Assert.IsType<PhaseJobState.Running>(PhaseJobStates.Of(Job(), null));
        Assert.IsType<PhaseJobState.Running>(PhaseJobStates.Of(Job(("SuccessCriteriaMet", "", "")), null));
        Assert.IsType<PhaseJobState.Running>(PhaseJobStates.Of(Job(("FailureTarget", "BackoffLimitExceeded", "")), null));
    }

    [Fact]
    public void A_complete_job_carries_what_its_pod_reported()
    {
        var result = new PhaseJobResult { Succeeded = true, RunId = "nightly-20261125-f00d" };

        var state = PhaseJobStates.Of(Job(("Complete", "", "")), Ended(0, "Completed", result.ToMessage()));

        Assert.Equal("nightly-20261125-f00d", Assert.IsType<PhaseJobState.Completed>(state).Result?.RunId);
    }

    [Fact]
    public void A_failed_job_fails_with_the_pod_reported_failure_and_retryability()
    {
        var result = new PhaseJobResult
        {
            Failure = PhaseFailure.ManifestsMalformed, Message = "Line 3 of manifest 'a.txt' is not valid UTF-8", Retryable = false,
        };

        var state = PhaseJobStates.Of(Job(("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit")),
            Ended(1, "Error", result.ToMessage()));

        var failed = Assert.IsType<PhaseJobState.Failed>(state);
        Assert.Equal(PhaseFailure.ManifestsMalformed, failed.Failure);
        Assert.False(failed.Retryable);
        Assert.Contains("Line 3 of manifest 'a.txt'", failed.Message, StringComparison.Ordinal);
        Assert.Contains("recon-system/krecon-transform", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_of_memory_pod_names_the_memory_limit_field()
    {
        var state = PhaseJobStates.Of(Job(("Failed", "BackoffLimitExceeded", "")), Ended(137, "OOMKilled", null));

        var failed = Assert.IsType<PhaseJobState.Failed>(state);
        Assert.Equal(PhaseFailure.TransformFailed, failed.Failure);
        Assert.Contains("spec.transform.memoryLimit", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_past_its_deadline_timed_out()
    {
        var state = PhaseJobStates.Of(Job(("Failed", "DeadlineExceeded", "Job was active longer than specified deadline")), null);

        Assert.Equal(PhaseFailure.TimedOut, Assert.IsType<PhaseJobState.Failed>(state).Failure);
    }

    [Fact]
    public void A_crash_without_a_result_is_told_by_the_job_condition_and_the_pod_log_tail()
    {
        var state = PhaseJobStates.Of(Job(("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit")),
            Ended(134, "Error", "Unhandled exception. System.InvalidOperationException: boom"));

        var failed = Assert.IsType<PhaseJobState.Failed>(state);
        Assert.Equal(PhaseFailure.TransformFailed, failed.Failure);
        Assert.True(failed.Retryable);
        Assert.Contains("BackoffLimitExceeded", failed.Message, StringComparison.Ordinal);
        Assert.Contains("exit code 134", failed.Message, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: boom", failed.Message, StringComparison.Ordinal);
    }

    private static V1Job Job(params (string Type, string Reason, string Message)[] conditions) => new()
    {
        Metadata = new V1ObjectMeta { Name = "krecon-transform-r1-a1-0123", NamespaceProperty = "recon-system" },
        Status = new V1JobStatus
        {
            Conditions = [.. conditions.Select(c => new V1JobCondition
            {
                Type = c.Type, Status = "True", Reason = c.Reason, Message = c.Message,
            })],
        },
    };

    private static V1ContainerStateTerminated Ended(int exitCode, string reason, string? message) =>
        new() { ExitCode = exitCode, Reason = reason, Message = message, FinishedAt = DateTime.UtcNow };
}
