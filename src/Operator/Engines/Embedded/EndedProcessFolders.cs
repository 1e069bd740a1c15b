using System.Diagnostics;
using System.Globalization;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// Folders named by the id of the process that owns them (<see cref="SharedDuckDb.TempDirectory"/>), under one root
/// shared by every kafka-recon process on the machine. A process that is killed never removes its own, and outside a
/// container each process has a new id, so without a sweep they pile up, with whatever the dead process had spilled.
/// </summary>
internal static class EndedProcessFolders
{
    /// <summary>Deletes the folders under <paramref name="root"/> named by the id of a process that is not running.</summary>
    public static void Delete(string root, Func<int, bool> isRunning)
    {
        List<string> folders;
        try
        {
            folders = Directory.Exists(root) ? Directory.EnumerateDirectories(root).ToList() : [];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var folder in folders)
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && !isRunning(id))
            {
                LocalWorkspace.DeleteScratch(folder);
            }
        }
    }

    /// <summary>True while a process with this id exists (a reused id keeps a dead process's folder: it is only kept).</summary>
    public static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
