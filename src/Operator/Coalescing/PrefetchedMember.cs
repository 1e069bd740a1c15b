using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// One original's content, read completely into a pooled buffer, or (for a large original) not read ahead at all:
/// then <see cref="Content"/> is null and the reader streams it when its turn comes.
/// </summary>
internal sealed class PrefetchedMember(ManifestFile file, ObjectContent? content) : IDisposable
{
    public ManifestFile File { get; } = file;
    public ObjectContent? Content { get; } = content;

    public void Dispose() => Content?.Dispose();
}
