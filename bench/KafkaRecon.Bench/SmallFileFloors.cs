using KafkaRecon.Operator.Storage;
using Microsoft.Win32.SafeHandles;

namespace KafkaRecon.Bench;

/// <summary>
/// The least any merge of many small local files must spend, one system-call kind at a time: listing names and sizes,
/// opening-reading-closing every file, unlinking every file (on one thread and on one per core). A coalescer that
/// reads, writes, verifies and deletes cannot beat the sum of its listing, its reads and its deletes.
/// </summary>
internal static class SmallFileFloors
{
    public static Task ListAsync(string folder)
    {
        long bytes = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true }))
        {
            bytes += file.Length + file.LastWriteTimeUtc.Ticks % 2;
        }
        return bytes < 0 ? Task.FromException(new InvalidOperationException()) : Task.CompletedTask;
    }

    public static Task ReadAsync(string folder, int threads)
    {
        var files = Directory.GetFiles(folder);
        long total = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => new byte[1 << 16],
            (file, _, buffer) =>
            {
                using SafeFileHandle handle = File.OpenHandle(file);
                Interlocked.Add(ref total, RandomAccess.Read(handle, buffer, 0));
                return buffer;
            },
            _ => { });
        return total < 0 ? Task.FromException(new InvalidOperationException()) : Task.CompletedTask;
    }

    /// <summary>
    /// The coalescer's listing (names, sizes, times), then its own whole-file read of every file (on Linux: open without
    /// access-time update, shared lock, pread, close); less the listing floor, the least its reads can cost.
    /// </summary>
    public static async Task ListAndReadAsCoalescerAsync(string folder, int threads)
    {
        var files = new List<StoredObject>();
        await foreach (var file in new LocalObjectStore().ListAsync(folder, CancellationToken.None))
        {
            files.Add(file);
        }
        long total = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => new byte[1 << 16],
            (file, _, buffer) =>
            {
                Interlocked.Add(ref total, LocalFileReader.ReadWhole(file.Location, file.Size, ref buffer));
                return buffer;
            },
            _ => { });
        if (total < 0)
        {
            throw new InvalidOperationException();
        }
    }

    public static Task DeleteAsync(string folder, int threads)
    {
        var files = Directory.GetFiles(folder);
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = threads }, File.Delete);
        return Task.CompletedTask;
    }
}
