namespace KafkaRecon.Operator.Reconciliation;

/// <summary>What a pass does once it has persisted the first status of a resource that had none.</summary>
internal enum FirstAnswer
{
    /// <summary>Goes on with the planned action (a local run, where nothing else waits for an answer).</summary>
    GoOn,

    /// <summary>
    /// Ends the pass and comes back at once, behind the other new resources in the queue: a burst of creations is
    /// answered (phase and conditions in status) before any of them lists inputs or submits work. The planned action
    /// is not lost: the status records it, and the next pass plans it again from there, as after a restart.
    /// </summary>
    Yield,
}
