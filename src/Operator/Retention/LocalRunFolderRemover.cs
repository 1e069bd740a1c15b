namespace KafkaRecon.Operator.Retention;

/// <summary>
/// Removes a local run folder and everything in it without ever following a symbolic link: a link (to a file or a
/// folder, inside or outside the output) is itself unlinked, its target untouched. The folder must be a real folder
/// directly inside a real <c>runs</c> folder.
/// </summary>
internal static class LocalRunFolderRemover
{
    /// <summary>Returns how many files and links were removed.</summary>
    public static int Remove(string runsFolder, string runFolder, CancellationToken cancellationToken)
    {
        var runs = new DirectoryInfo(runsFolder);
        var run = new DirectoryInfo(runFolder);
        if (!runs.Exists || runs.LinkTarget is not null)
        {
            throw new IOException($"'{runsFolder}' is not a real folder (a symbolic link?); nothing below it is deleted.");
        }
        if (!run.Exists || run.LinkTarget is not null || run.Parent?.FullName != runs.FullName)
        {
            throw new IOException($"'{runFolder}' is not a real folder directly inside '{runsFolder}'; it is not deleted.");
        }
        var removed = RemoveContents(run, cancellationToken);
        run.Delete(recursive: false);
        return removed;
    }

    private static int RemoveContents(DirectoryInfo folder, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var entry in folder.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0 }))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry is DirectoryInfo directory && entry.LinkTarget is null)
            {
                removed += RemoveContents(directory, cancellationToken);
                directory.Delete(recursive: false);
                continue;
            }
            File.Delete(entry.FullName); // a file, or a link (unlink: the target stays)
            removed++;
        }
        return removed;
    }
}
