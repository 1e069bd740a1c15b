using System.Diagnostics;
using System.Globalization;
using System.Text;
using KafkaRecon.Operator.Coalescing;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Bench;

/// <summary>
/// Coalesce of many small K2HB files: the coalescer as configured for runs, against merging the same files one by
/// one (the coalescer with one batch at a time and no read-ahead) and a naive read-append-delete loop.
/// </summary>
internal sealed class CoalesceBench(string cacheFolder, int files, TextWriter output)
{
    private const int Groups = 16;
    private const int LinesPerFile = 5;

    public async Task RunAsync()
    {
        var source = Path.GetFullPath(Path.Combine(cacheFolder, string.Create(CultureInfo.InvariantCulture, $"small-files-{files}")));
        var bytes = EnsureSmallFiles(source);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Coalesce of {files:N0} small files ({bytes / 1e6:0.0} MB, {Groups} topic partitions, {LinesPerFile} lines each):"));
        output.WriteLine($"{"mode",-60} {"seconds",8} {"files/s",10} {"MB/s",8} {"ratio",7}");
        var configured = await TimeAsync(source, "coalescer (4 batches, read-ahead 16)", folder => Coalescer(folder, 4, PrefetchLimits.Default));
        var oneByOne = await TimeAsync(source, "coalescer one by one (1 batch, read-ahead 1)",
            folder => Coalescer(folder, 1, PrefetchLimits.Default with { MaxReads = 1 }));
        var naive = await TimeAsync(source, "naive loop (read, append, delete)", NaiveAsync);
        foreach (var (name, seconds) in new[] { configured, oneByOne, naive })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-60} {seconds,8:0.00} {files / seconds,10:N0} {bytes / 1e6 / seconds,8:0.0} {seconds / configured.Seconds,7:0.00}"));
        }
    }

    private async Task<(string Name, double Seconds)> TimeAsync(string source, string name, Func<string, Task> merge)
    {
        var work = source + ".work";
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
        using (var copy = Process.Start("cp", ["-al", source, work]))
        {
            copy.WaitForExit();
        }
        var clock = Stopwatch.StartNew();
        await merge(work);
        var seconds = clock.Elapsed.TotalSeconds;
        var left = Directory.EnumerateFiles(work, "*", SearchOption.AllDirectories).Count();
        Directory.Delete(work, recursive: true);
        return ($"{name}, {left} files left", seconds);
    }

    private static async Task Coalescer(string folder, int batches, PrefetchLimits prefetch)
    {
        var request = new CoalesceRequest(folder, [ManifestSide.Import], CoalesceLimits.Default)
        {
            MaxConcurrentBatches = batches,
            Prefetch = prefetch,
        };
        var report = await new ManifestCoalescer(new LocalObjectStore(), TimeProvider.System).CoalesceAsync(request, CancellationToken.None);
        if (!report.Succeeded)
        {
            throw new InvalidOperationException($"coalesce failed: {CoalesceReportText.Failures(report, 3)}");
        }
    }

    private static async Task NaiveAsync(string folder)
    {
        foreach (var group in Directory.EnumerateFiles(folder).GroupBy(GroupOf).ToList())
        {
            var merged = Path.Combine(folder, group.Key + "_merged.tmp");
            await using var target = new FileStream(merged, FileMode.Create, FileAccess.Write);
            foreach (var file in group.OrderBy(f => f, StringComparer.Ordinal))
            {
                var content = await File.ReadAllBytesAsync(file);
                await target.WriteAsync(content);
                File.Delete(file);
            }
        }

        static string GroupOf(string file)
        {
            var first = Path.GetFileName(file).Split('-')[0];
            return first[..first.LastIndexOf('_')];
        }
    }

    private long EnsureSmallFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            var staging = folder + ".tmp";
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
            Directory.CreateDirectory(staging);
            var line = new StringBuilder();
            for (var i = 0; i < files; i++)
            {
                var partition = i % Groups;
                var offset = (long)(i / Groups) * LinesPerFile;
                line.Clear();
                for (var l = 0; l < LinesPerFile; l++)
                {
                    line.Append(CultureInfo.InvariantCulture,
                        $"{i:x8}{l:x4}5f95dcb81106c1cb|{1709310236969 + i}|core|claimant|K2HB|K2HB|{i}|MONGO_UPDATE\n");
                }
                var name = string.Create(CultureInfo.InvariantCulture,
                    $"db.core.claimant_{partition}_{offset}-db.core.claimant_{partition}_{offset + LinesPerFile - 1}.txt");
                File.WriteAllText(Path.Combine(staging, name), line.ToString());
            }
            Directory.Move(staging, folder);
        }
        return Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);
    }
}
