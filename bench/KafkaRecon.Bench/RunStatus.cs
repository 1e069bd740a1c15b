using System.Text.Json;

namespace KafkaRecon.Bench;

/// <summary>What the benchmark reads from <c>kafka-recon run -o json</c>: the totals and each phase's duration.</summary>
internal sealed record RunStatus(string Phase, IReadOnlyDictionary<string, long> Totals, IReadOnlyList<(string Name, double Seconds)> Phases)
{
    public static RunStatus Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var status = document.RootElement.GetProperty("status");
        var totals = new Dictionary<string, long>();
        if (status.TryGetProperty("results", out var results))
        {
            foreach (var name in BaselineQuery.TotalNames)
            {
                if (results.TryGetProperty(name, out var value))
                {
                    totals[name] = value.GetInt64();
                }
            }
        }
        var phases = new List<(string, double)>();
        foreach (var phase in status.GetProperty("phases").EnumerateObject())
        {
            if (phase.Value.TryGetProperty("startTime", out var start) && phase.Value.TryGetProperty("completionTime", out var end))
            {
                phases.Add((phase.Name, (end.GetDateTimeOffset() - start.GetDateTimeOffset()).TotalSeconds));
            }
        }
        return new RunStatus(status.GetProperty("phase").GetString() ?? "?", totals, phases);
    }
}
