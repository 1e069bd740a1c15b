using System.Runtime.CompilerServices;

namespace KafkaRecon.Operator.Storage;

/// <summary>Objects as files under a local folder. Writes go to a temporary sibling and are renamed into place.</summary>
internal sealed class LocalObjectStore : IObjectStore
{
    public async IAsyncEnumerable<StoredObject> ListAsync(
        string location, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (File.Exists(location))
        {
            var file = new FileInfo(location);
            yield return new StoredObject(file.FullName, file.Length, file.LastWriteTimeUtc);
            yield break;
        }
        if (!Directory.Exists(location))
        {
            yield break;
        }
        var files = new DirectoryInfo(location)
            .EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(f => !IsTemporary(f.Name))
            .OrderBy(f => f.FullName, StringComparer.Ordinal);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new StoredObject(file.FullName, file.Length, file.LastWriteTimeUtc);
        }
        await Task.CompletedTask;
    }

    public Task<Stream> OpenReadAsync(string location, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(
            location, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous));

    public async Task WriteAsync(string location, Stream content, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(location))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(location)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var target = new FileStream(
                temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(target, cancellationToken);
                await target.FlushAsync(cancellationToken);
                target.Flush(flushToDisk: true);
            }
            File.Move(temporary, location, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<bool> ExistsAsync(string location, CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(location));

    public Task DeleteAsync(IReadOnlyCollection<string> locations, CancellationToken cancellationToken)
    {
        foreach (var location in locations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            File.Delete(location);
        }
        return Task.CompletedTask;
    }

    /// <summary>Temporary files of an unfinished write are never listed as objects.</summary>
    private static bool IsTemporary(string fileName) =>
        fileName.StartsWith('.') && fileName.EndsWith(".tmp", StringComparison.Ordinal);
}
