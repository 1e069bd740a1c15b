using System.Text.Json;
using KafkaRecon.Operator.Generation;
using KafkaRecon.Tests.Coalescing;

namespace KafkaRecon.Tests.EndToEnd;

/// <summary>A small sample from <c>kafka-recon generate</c> in a temp folder: its resource YAML and its truth.</summary>
internal sealed class GeneratedDataset : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public GeneratedDataset(long records = 2_000)
    {
        Root = _folder.Combine("sample");
        var options = new GenerateOptions(Root, records, Seed: 7, MissingPercent: 2, new DateOnly(2024, 3, 1), MarginMinutes: 0);
        var (error, _) = new SampleDataGenerator().Generate(options, replace: false, CancellationToken.None);
        Assert.Null(error);
        Truth = JsonSerializer.Deserialize<SampleTruth>(File.ReadAllText(Path.Combine(Root, "truth.json")))!;
    }

    public string Root { get; }

    public SampleTruth Truth { get; }

    /// <summary>The generated <c>reconciliation.yaml</c>, renamed so several runs can share one namespace.</summary>
    public string ResourceYaml(string name = ReconciliationResourceText.ResourceName) =>
        File.ReadAllText(Path.Combine(Root, "reconciliation.yaml"))
            .Replace($"name: {ReconciliationResourceText.ResourceName}", $"name: {name}");

    public void Dispose() => _folder.Dispose();
}
