using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Cli;

/// <summary>Maps a finished run to the process exit code: 0 verified, 3 records missing, 2 bad input, 1 error.</summary>
internal static class RunExitCode
{
    public static int For(KafkaReconciliationStatus? status)
    {
        if (status is null)
        {
            return ExitCodes.Error;
        }
        var ready = status.Conditions.FirstOrDefault(c => c.Type == ConditionTypes.Ready);
        var stalled = status.Conditions.FirstOrDefault(c => c.Type == ConditionTypes.Stalled);
        return status.Phase switch
        {
            ReconciliationPhase.Succeeded => ExitCodes.Verified,
            ReconciliationPhase.Failed when ready?.Reason == ConditionReasons.InvalidSpec => ExitCodes.InvalidInput,
            ReconciliationPhase.Failed when stalled?.Status != "True" => ExitCodes.VerificationFailed,
            _ => ExitCodes.Error,
        };
    }
}
