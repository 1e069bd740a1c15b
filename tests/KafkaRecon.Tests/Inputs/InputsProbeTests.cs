using KafkaRecon.Entities;
using KafkaRecon.Operator.Inputs;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Tests.Inputs;

public sealed class InputsProbeTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 3, 2, 4, 0, 0, TimeSpan.Zero);

    private static readonly ResolvedWindow Window = new()
    {
        Start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero),
        End = new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero),
    };

    private readonly string _root = Directory.CreateTempSubdirectory("inputs-probe-").FullName;

    [Fact]
    public async Task Sees_the_newest_manifest_of_either_side_but_not_the_marker_or_files_pruned_before_the_window()
    {
        var spec = Spec();
        Write("import/k2hb.txt", Now.AddMinutes(-50));
        Write("export/htme.txt", Now.AddMinutes(-20));
        Write("export/_SUCCESS", Now.AddMinutes(-1)); // hidden: a marker, never a manifest
        Write("export/old.txt", Window.Start.AddDays(-3)); // pruned: cannot hold the window's records
        spec.Start.Markers = [Path.Combine(_root, "export", "_SUCCESS"), Path.Combine(_root, "export", "_DONE")];

        var seen = await new InputsProbe(new LocalObjectStore()).ObserveAsync(spec, Window, Now, CancellationToken.None);

        Assert.Null(seen.Error);
        Assert.Equal(Now.AddMinutes(-20), seen.NewestChange);
        Assert.Equal(2, seen.Files);
        Assert.Equal([Path.Combine(_root, "export", "_DONE")], seen.MissingMarkers);
    }

    [Fact]
    public async Task A_location_not_written_yet_is_quiet_and_has_no_files()
    {
        var spec = Spec();
        spec.Manifests.ExportLocation = Path.Combine(_root, "not-yet");

        var seen = await new InputsProbe(new LocalObjectStore()).ObserveAsync(spec, Window, Now, CancellationToken.None);

        Assert.Equal((null, 0L, null), (seen.NewestChange, seen.Files, seen.Error));
    }

    private KafkaReconciliationSpec Spec()
    {
        Directory.CreateDirectory(Path.Combine(_root, "import"));
        Directory.CreateDirectory(Path.Combine(_root, "export"));
        return new KafkaReconciliationSpec
        {
            Engine = EngineKind.Embedded,
            Manifests = new ManifestsSpec { ImportLocation = Path.Combine(_root, "import"), ExportLocation = Path.Combine(_root, "export") },
            Output = new OutputSpec { Location = Path.Combine(_root, "out") },
        };
    }

    private void Write(string relative, DateTimeOffset modified)
    {
        var path = Path.Combine(_root, relative);
        File.WriteAllText(path, "line\n");
        File.SetLastWriteTimeUtc(path, modified.UtcDateTime);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
