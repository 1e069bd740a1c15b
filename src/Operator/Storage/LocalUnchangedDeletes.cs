namespace KafkaRecon.Operator.Storage;

/// <summary>
/// Deletes local files only while they are as listed. A first look at every file decides whether any is deleted at
/// all; then each file is opened with an exclusive advisory lock (what .NET takes for <see cref="FileShare.None"/>:
/// <c>flock(LOCK_EX)</c> on Linux), looked at again through that handle and unlinked while the lock is held, so a
/// writer that locks before appending cannot slip a line in between the look and the delete. A file a writer holds
/// locked, or that changed in that last instant, is kept.
/// </summary>
internal static class LocalUnchangedDeletes
{
    public static ConditionalDelete Delete(IReadOnlyList<StoredObject> listed, ParallelOptions spread)
    {
        var changed = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(listed, spread, expected =>
        {
            if (!UnchangedDeletes.IsUnchanged(expected, Stat(expected.Location)))
            {
                changed.Add(expected.Location);
            }
        });
        if (!changed.IsEmpty)
        {
            return ConditionalDelete.NoneDeleted([.. changed.Order(StringComparer.Ordinal)]);
        }
        Parallel.ForEach(listed, spread, expected =>
        {
            if (!DeleteIfUnchanged(expected))
            {
                changed.Add(expected.Location);
            }
        });
        return new ConditionalDelete([.. changed.Order(StringComparer.Ordinal)], DeletedAny: true);
    }

    /// <summary>The file as it is now (not following a final symbolic link), or null when there is none.</summary>
    public static StoredObject? Stat(string location)
    {
        var file = new FileInfo(location);
        return file.Exists && file.LinkTarget is null
            ? new StoredObject(file.FullName, file.Length, file.LastWriteTimeUtc)
            : null;
    }

    private static bool DeleteIfUnchanged(StoredObject expected)
    {
        Microsoft.Win32.SafeHandles.SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(expected.Location, FileMode.Open, FileAccess.Read, FileShare.None);
        }
        catch (FileNotFoundException)
        {
            return true;
        }
        catch (IOException)
        {
            // Locked by a writer: it is about to change.
            return false;
        }
        using (handle)
        {
            var now = new StoredObject(expected.Location, RandomAccess.GetLength(handle), File.GetLastWriteTimeUtc(handle));
            if (!UnchangedDeletes.IsUnchanged(expected, now))
            {
                return false;
            }
            File.Delete(expected.Location);
            return true;
        }
    }
}
