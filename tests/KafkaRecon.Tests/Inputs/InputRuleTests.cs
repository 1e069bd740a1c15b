using KafkaRecon.Entities;
using KafkaRecon.Operator.Inputs;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Tests.Inputs;

public sealed class InputRuleTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2024, 3, 2, 6, 0, 0, TimeSpan.Zero);
    private readonly string root = Directory.CreateTempSubdirectory("kafka-recon-inputs-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static ResolvedWindow Window(int margin = 0) =>
        new() { Start = Start, End = Start.AddDays(1), MarginMinutes = margin };

    [Fact]
    public void Cutoff_is_the_window_start_less_margin_and_slack()
    {
        var manifests = new ManifestsSpec { PruningSlack = "30m" };

        Assert.Equal(Start.AddMinutes(-45), InputRule.Cutoff(manifests, Window(margin: 15)));
    }

    [Fact]
    public void Pruning_none_keeps_every_file_and_lists_the_whole_location()
    {
        var rule = InputRule.For(root, "f", new ManifestsSpec { Pruning = InputPruning.None }, Window(), Now);

        Assert.True(rule.Keeps(DateTimeOffset.UnixEpoch));
        Assert.Equal([root], rule.Prefixes);
    }

    [Fact]
    public void Daily_layout_lists_the_days_from_the_cutoff_to_today()
    {
        var rule = InputRule.For("s3://b/import/", "f", new ManifestsSpec { Layout = ManifestLayout.Daily }, Window(), Now);

        Assert.Equal(["s3://b/import/2024/02/29", "s3://b/import/2024/03/01", "s3://b/import/2024/03/02"], rule.Prefixes);
    }

    [Fact]
    public async Task Daily_layout_never_lists_older_date_folders()
    {
        var old = Write(Path.Combine("2024", "02", "10", "k2hb.txt"));
        var current = Write(Path.Combine("2024", "03", "01", "k2hb.txt"));
        var rule = InputRule.For(root, "f", new ManifestsSpec { Layout = ManifestLayout.Daily }, Window(), Now);

        var listed = await new InputListing(new LocalObjectStore()).ListAsync(rule, CancellationToken.None);

        Assert.Equal([current], listed.Locations);
        Assert.DoesNotContain(old, listed.Locations);
    }

    private string Write(string relative)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x\n");
        return path;
    }
}
