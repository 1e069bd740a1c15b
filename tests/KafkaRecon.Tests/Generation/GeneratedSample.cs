using KafkaRecon.Operator.Generation;

namespace KafkaRecon.Tests.Generation;

/// <summary>A generated sample folder and its truth.</summary>
internal sealed record GeneratedSample(string Root, SampleTruth Truth)
{
    public string Import => Path.Combine(Root, "import");
    public string Export => Path.Combine(Root, "export");

    public List<ManifestRow> ImportRows() => NaiveRecount.Read(Import, exportSide: false);
    public List<ManifestRow> ExportRows() => NaiveRecount.Read(Export, exportSide: true);

    public IEnumerable<string> Files(string side) =>
        Directory.EnumerateFiles(Path.Combine(Root, side), "*", SearchOption.AllDirectories).Select(Path.GetFileName)
            .Where(name => !name!.StartsWith('.'))!;
}
