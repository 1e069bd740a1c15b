namespace KafkaRecon.Operator.Storage;

/// <summary>
/// What <see cref="IObjectStore.DeleteUnchangedAsync"/> did. When an object had changed since it was listed at the
/// first look, none was deleted (<see cref="DeletedAny"/> false). Objects that changed in the last instant before their
/// own deletion are kept and named in <see cref="Changed"/> while the others are gone.
/// </summary>
internal sealed record ConditionalDelete(IReadOnlyList<string> Changed, bool DeletedAny)
{
    public static ConditionalDelete AllDeleted { get; } = new([], true);

    public static ConditionalDelete NoneDeleted(IReadOnlyList<string> changed) => new(changed, false);
}
