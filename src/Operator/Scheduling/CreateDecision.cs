namespace KafkaRecon.Operator.Scheduling;

internal enum CreateDecision
{
    /// <summary>Create the window's resource.</summary>
    Create,
    /// <summary>The window's resource exists already: nothing to create, which is success.</summary>
    AlreadyExists,
    /// <summary>An earlier resource of the schedule is still running and the policy is Forbid.</summary>
    SkipBecauseRunning,
}
