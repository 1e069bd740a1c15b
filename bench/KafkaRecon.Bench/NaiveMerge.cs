namespace KafkaRecon.Bench;

/// <summary>
/// The straightforward merge the coalescer is measured against: per name group, read each file in order, append it to
/// one output, delete it. Synchronous calls, as the quickest way to write it is also the quickest on local disk.
/// </summary>
internal static class NaiveMerge
{
    public static Task RunAsync(string folder)
    {
        foreach (var group in Directory.EnumerateFiles(folder).GroupBy(GroupOf).ToList())
        {
            using var target = new FileStream(Path.Combine(folder, group.Key + "_merged.tmp"), FileMode.Create, FileAccess.Write);
            foreach (var file in group.OrderBy(f => f, StringComparer.Ordinal))
            {
                target.Write(File.ReadAllBytes(file));
                File.Delete(file);
            }
        }
        return Task.CompletedTask;
    }

    private static string GroupOf(string file)
    {
        var first = Path.GetFileName(file).Split('-')[0];
        return first[..first.LastIndexOf('_')];
    }
}
