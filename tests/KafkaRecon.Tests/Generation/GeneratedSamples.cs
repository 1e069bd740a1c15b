using System.Text.Json;
using KafkaRecon.Operator.Generation;
using KafkaRecon.Tests.Coalescing;

namespace KafkaRecon.Tests.Generation;

/// <summary>Two samples generated once for the generator tests: without and with a window margin.</summary>
public sealed class GeneratedSamples : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public GeneratedSamples()
    {
        WithoutMargin = Generate("no-margin", marginMinutes: 0);
        WithMargin = Generate("margin", marginMinutes: 30);
    }

    internal GeneratedSample WithoutMargin { get; }
    internal GeneratedSample WithMargin { get; }

    internal GeneratedSample Generate(string name, int marginMinutes, long seed = 42, long records = 20_000)
    {
        var root = _folder.Combine(name);
        var options = new GenerateOptions(root, records, seed, MissingPercent: 2, new DateOnly(2024, 3, 1), marginMinutes);
        var (error, _) = new SampleDataGenerator().Generate(options, replace: false, CancellationToken.None);
        Assert.Null(error);
        var truth = JsonSerializer.Deserialize<SampleTruth>(File.ReadAllText(Path.Combine(root, "truth.json")))!;
        return new GeneratedSample(root, truth);
    }

    public void Dispose() => _folder.Dispose();
}
