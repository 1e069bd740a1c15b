using System.Globalization;

namespace KafkaRecon.Bench;

/// <summary>The benchmark's command line (see bench/README.md).</summary>
internal sealed record BenchOptions(
    IReadOnlyList<long> Records,
    double MissingPercent,
    string? MemoryLimit,
    bool WithCoalesce,
    int CoalesceFiles,
    string KafkaRecon,
    string CacheFolder,
    string? Error = null)
{
    public const string Usage =
        "usage: bench/run.sh [--records 1000000,10000000] [--large] [--missing-percent P] [--memory-limit 4GB] " +
        "[--no-coalesce-phase] [--coalesce-files 100000 (0 skips)] --kafka-recon PATH --cache DIR";

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var records = new List<long> { 1_000_000, 10_000_000 };
        var options = new BenchOptions(records, 0, null, true, 100_000, "kafka-recon", ".bench-cache");
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--records" when value is not null:
                    var parsed = value.Split(',').Select(v => long.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
                    if (parsed.Any(n => n < 0))
                    {
                        return options with { Error = $"--records '{value}': expected counts separated by commas (0 runs no size)." };
                    }
                    records = parsed.Where(n => n > 0).ToList();
                    options = options with { Records = records };
                    i++;
                    break;
                case "--large":
                    options = options with { Records = options.Records.Append(50_000_000).Distinct().ToList() };
                    break;
                case "--missing-percent" when value is not null:
                    if (!double.TryParse(value, CultureInfo.InvariantCulture, out var missing) || missing < 0)
                    {
                        return options with { Error = $"--missing-percent '{value}': expected a number from 0." };
                    }
                    options = options with { MissingPercent = missing };
                    i++;
                    break;
                case "--memory-limit" when value is not null:
                    options = options with { MemoryLimit = value };
                    i++;
                    break;
                case "--no-coalesce-phase":
                    options = options with { WithCoalesce = false };
                    break;
                case "--coalesce-files" when value is not null:
                    if (!int.TryParse(value, CultureInfo.InvariantCulture, out var files) || files < 0)
                    {
                        return options with { Error = $"--coalesce-files '{value}': expected a count from 0." };
                    }
                    options = options with { CoalesceFiles = files };
                    i++;
                    break;
                case "--kafka-recon" when value is not null:
                    options = options with { KafkaRecon = value };
                    i++;
                    break;
                case "--cache" when value is not null:
                    options = options with { CacheFolder = value };
                    i++;
                    break;
                default:
                    return options with { Error = $"unknown or incomplete option '{args[i]}'." };
            }
        }
        return options;
    }
}
