using System.Globalization;

namespace KafkaRecon.Bench;

/// <summary>
/// For each size: (a) <c>kafka-recon run</c> end to end as a child process (with and without the coalesce phase,
/// and under the memory limit when given) and (b) the one-statement baseline, each checked against the ground truth.
/// </summary>
internal sealed class Benchmark(BenchOptions options, TextWriter output)
{
    private sealed record Row(string Size, string Variant, double Seconds, long Rows, long PeakKb, string Exact, string Phases);

    public async Task<int> RunAsync()
    {
        var self = Environment.ProcessPath!;
        var rows = new List<Row>();
        var allExact = true;
        foreach (var records in options.Records)
        {
            var dataset = new Dataset(options.CacheFolder, records, options.MissingPercent);
            await dataset.EnsureAsync(options.KafkaRecon, output);
            var truth = dataset.Truth();
            var lines = dataset.InputLines();
            var size = records >= 1_000_000 ? $"{records / 1_000_000.0:0.#}M" : records.ToString("N0", CultureInfo.InvariantCulture);

            var baselineResource = dataset.WorkingCopy("baseline", coalesce: false, memoryLimit: null);
            var baseline = await MeasuredProcess.RunAsync(self, ["baseline", baselineResource]);
            Dataset.Discard(baselineResource);
            var baselineExact = Exactness(ParseTotals(baseline.Stdout), truth, baseline);
            allExact &= baselineExact == "exact";
            var b = new Row(size, "(b) baseline SQL", baseline.WallSeconds, lines, baseline.PeakRssKb, baselineExact, "");

            var variants = new List<(string Name, bool Coalesce, string? Limit)> { ("(a) run, no coalesce", false, null) };
            if (options.WithCoalesce)
            {
                variants.Add(("(a) run + coalesce", true, null));
            }
            if (options.MemoryLimit is not null)
            {
                variants.Add(($"(a) run, limit {options.MemoryLimit}", false, options.MemoryLimit));
            }
            rows.Add(b);
            foreach (var (name, coalesce, limit) in variants)
            {
                var resource = dataset.WorkingCopy("run", coalesce, limit);
                var run = await MeasuredProcess.RunAsync(options.KafkaRecon, ["run", "-f", resource, "--output", "json"]);
                Dataset.Discard(resource);
                RunStatus? status = null;
                try
                {
                    status = RunStatus.Parse(run.Stdout);
                }
                catch (Exception error) when (error is System.Text.Json.JsonException or KeyNotFoundException)
                {
                    output.WriteLine($"{name}: could not read the run's status ({error.Message}); stderr: {run.Stderr}");
                }
                var exact = status is null ? "no status" : Exactness(status.Totals, truth, run);
                allExact &= exact == "exact";
                var phases = status is null ? "" : string.Join(" ", status.Phases.Select(p =>
                    string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Seconds:0.0}")));
                rows.Add(new Row(size, name, run.WallSeconds, lines, run.PeakRssKb, exact, phases));
            }
            Print(rows);
        }
        if (options.CoalesceFiles > 0)
        {
            await new CoalesceBench(options.CacheFolder, options.CoalesceFiles, output).RunAsync();
        }
        return allExact ? 0 : 1;
    }

    private void Print(IReadOnlyList<Row> rows)
    {
        var baselines = rows.Where(r => r.Variant.StartsWith("(b)", StringComparison.Ordinal)).ToDictionary(r => r.Size);
        output.WriteLine();
        output.WriteLine($"{"per side",8} {"what",-26} {"wall s",8} {"rows/s",12} {"peak RSS",10} {"(a)/(b)",8} {"totals",-10} phases (s)");
        foreach (var row in rows)
        {
            var ratio = row.Variant.StartsWith("(a)", StringComparison.Ordinal) && baselines.TryGetValue(row.Size, out var baseline)
                ? (row.Seconds / baseline.Seconds).ToString("0.00", CultureInfo.InvariantCulture)
                : "";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Size,8} {row.Variant,-26} {row.Seconds,8:0.0} {row.Rows / row.Seconds,12:N0} {row.PeakKb / 1024.0,7:0} MB {ratio,8} {row.Exact,-10} {row.Phases}"));
        }
        output.Flush();
    }

    private static IReadOnlyDictionary<string, long> ParseTotals(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2 && long.TryParse(parts[1], CultureInfo.InvariantCulture, out _))
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1], CultureInfo.InvariantCulture));

    private string Exactness(IReadOnlyDictionary<string, long> actual, IReadOnlyDictionary<string, long> truth, MeasuredProcess.Result run)
    {
        var wrong = truth.Where(t => !actual.TryGetValue(t.Key, out var value) || value != t.Value)
            .Select(t => $"{t.Key} {(actual.TryGetValue(t.Key, out var v) ? v.ToString(CultureInfo.InvariantCulture) : "?")} (truth {t.Value})")
            .ToList();
        if (wrong.Count == 0)
        {
            return "exact";
        }
        output.WriteLine($"NOT EXACT (exit {run.ExitCode}): {string.Join(", ", wrong)}\n{run.Stderr.Trim()}");
        return "WRONG";
    }
}
