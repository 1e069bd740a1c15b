using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Prometheus;

namespace KafkaRecon.Tests.Metrics;

/// <summary>Parses what a registry serves on /metrics, so tests assert on the real output.</summary>
internal static partial class Exposition
{
    public static async Task<IReadOnlyList<Sample>> ScrapeAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return Parse(Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static IReadOnlyList<Sample> Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var match = SampleLine().Match(line);
            if (!match.Success)
            {
                throw new FormatException($"not a sample line: '{line}'");
            }
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
            samples.Add(new Sample(match.Groups["name"].Value, labels,
                double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }
        return samples;
    }

    public static IReadOnlyList<Sample> Named(this IReadOnlyList<Sample> samples, string name) =>
        samples.Where(s => s.Name == name).ToList();

    /// <summary>The value of the one series of <paramref name="name"/> matching the labels; fails if none or several.</summary>
    public static double Single(this IReadOnlyList<Sample> samples, string name, params (string Name, string Value)[] labels)
    {
        var found = samples.Where(s => s.Name == name && s.Has(labels)).ToList();
        Assert.True(found.Count == 1,
            $"expected one series {name} with {string.Join(",", labels)}, found {found.Count}");
        return found[0].Value;
    }

    public static bool Exists(this IReadOnlyList<Sample> samples, string name, params (string Name, string Value)[] labels) =>
        samples.Any(s => s.Name == name && s.Has(labels));

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""(?<name>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(\\.|[^"\\])*)",?""")]
    private static partial Regex LabelPair();
}
