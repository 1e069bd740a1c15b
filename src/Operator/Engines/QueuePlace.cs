namespace KafkaRecon.Operator.Engines;

/// <summary>A phase waiting for a run slot: <see cref="Position"/> 1 starts next, of <see cref="Waiting"/> waiting.</summary>
internal sealed record QueuePlace(int Position, int Waiting, int Slots)
{
    public override string ToString() =>
        $"queued at position {Position} of {Waiting} waiting for one of {Slots} run slots";
}
