using System.Diagnostics;
using System.Globalization;
using KafkaRecon.Operator.Coalescing;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Bench;

/// <summary>
/// Coalesce of many small K2HB files: the coalescer as runs configure it against the straightforward way of merging
/// them one by one (read each file, append it to the output, delete it), timed back to back in both orders on fresh
/// hard-linked copies; then the floors (listing, reading, deleting the same files alone) that bound any merge.
/// </summary>
internal sealed class CoalesceBench(string cacheFolder, int files, TextWriter output)
{
    public const string OneByOne = "one by one (read, append, delete; the reference)";
    public const string Coalescer = "coalescer as configured";

    public static IReadOnlyDictionary<string, Func<string, Task>> Modes { get; } = new Dictionary<string, Func<string, Task>>
    {
        [OneByOne] = NaiveMerge.RunAsync,
        [Coalescer] = CoalesceAsync,
        ["floor: list names, sizes and times"] = SmallFileFloors.ListAsync,
        ["floor: File.OpenHandle, read, close (1 thread)"] = folder => SmallFileFloors.ReadAsync(folder, 1),
        [$"floor: File.OpenHandle, read, close ({Environment.ProcessorCount} threads)"] = folder => SmallFileFloors.ReadAsync(folder, Environment.ProcessorCount),
        [$"floor: list, then read as the coalescer ({Environment.ProcessorCount} threads)"] = folder => SmallFileFloors.ListAndReadAsCoalescerAsync(folder, Environment.ProcessorCount),
        ["floor: unlink (1 thread)"] = folder => SmallFileFloors.DeleteAsync(folder, 1),
        [$"floor: unlink ({Environment.ProcessorCount} threads)"] = folder => SmallFileFloors.DeleteAsync(folder, Environment.ProcessorCount),
    };

    public async Task RunAsync()
    {
        var source = Path.GetFullPath(Path.Combine(cacheFolder, string.Create(CultureInfo.InvariantCulture, $"small-files-{files}")));
        var bytes = SmallFileSet.Ensure(source, files);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Coalesce of {files:N0} small files ({bytes / 1e6:0.0} MB, {SmallFileSet.Groups} topic partitions, {SmallFileSet.LinesPerFile} lines each):"));
        output.WriteLine($"{"mode",-52} {"seconds",8} {"CPU s",6} {"files/s",10} {"MB/s",8} {"speed-up",9} {"files left",10}");
        var timings = new Dictionary<string, List<double>>();
        // Both orders, so neither side always gets the warmer caches or the quieter moment of a shared machine.
        foreach (var mode in new[] { OneByOne, Coalescer, Coalescer, OneByOne }.Concat(Modes.Keys.Skip(2)))
        {
            var (seconds, cpu, left) = await TimeAsync(source, Modes[mode]);
            timings.TryAdd(mode, []);
            timings[mode].Add(seconds);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{mode,-52} {seconds,8:0.00} {cpu,6:0.00} {files / seconds,10:N0} {bytes / 1e6 / seconds,8:0.0} {timings[OneByOne].Average() / seconds,8:0.00}× {left,10}"));
            output.Flush();
        }
        var reference = timings[OneByOne].Average();
        var floor = timings.Keys.Single(k => k.StartsWith("floor: list, then read", StringComparison.Ordinal));
        var lowest = timings[floor][0] + timings[$"floor: unlink ({Environment.ProcessorCount} threads)"][0];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lowest possible merge (listing and reading as the coalescer, then unlinking, {Environment.ProcessorCount} threads, " +
            $"nothing written): {lowest:0.00} s, at most {reference / lowest:0.00}× the one-by-one reference"));
        var speedUp = reference / timings[Coalescer].Average();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"coalescer against one by one (mean of two runs each): {speedUp:0.00}× " +
            $"({timings[Coalescer].Average():0.00} s against {timings[OneByOne].Average():0.00} s)"));
    }

    /// <summary>Wall seconds, and the CPU seconds of this process (all threads, user and kernel) in the same span.</summary>
    private static async Task<(double Seconds, double Cpu, int FilesLeft)> TimeAsync(string source, Func<string, Task> merge)
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
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await merge(work);
        var seconds = clock.Elapsed.TotalSeconds;
        self.Refresh();
        var cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
        var left = Directory.EnumerateFiles(work, "*", SearchOption.AllDirectories).Count();
        Directory.Delete(work, recursive: true);
        return (seconds, cpu, left);
    }

    private static async Task CoalesceAsync(string folder)
    {
        var request = new CoalesceRequest(folder, [ManifestSide.Import], CoalesceLimits.Default);
        var report = await new ManifestCoalescer(new LocalObjectStore(), TimeProvider.System).CoalesceAsync(request, CancellationToken.None);
        if (!report.Succeeded)
        {
            throw new InvalidOperationException($"coalesce failed: {CoalesceReportText.Failures(report, 3)}");
        }
    }
}
