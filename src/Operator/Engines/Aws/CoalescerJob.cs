using System.Globalization;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>One coalescer job: which manifests it merges and under which deterministic name.</summary>
internal sealed record CoalescerJob(string Name, string Side, string Location, int? Partition)
{
    /// <summary>
    /// The container command: the S3 version of the embedded coalescer, merging only the files the run's input rule
    /// keeps (<see cref="Inputs.InputRule"/>: modified since the window's cutoff), as the embedded coalescer does.
    /// </summary>
    public IReadOnlyList<string> Command(CoalesceSpec spec, ManifestsSpec manifests, ResolvedWindow window)
    {
        var command = new List<string> { "kafka-recon", "coalesce", "--location", Location };
        if (Partition is { } partition)
        {
            command.AddRange(["--partition", partition.ToString(CultureInfo.InvariantCulture)]);
        }
        command.AddRange([
            "--max-files", spec.MaxFiles.ToString(CultureInfo.InvariantCulture),
            "--max-bytes", spec.MaxBytes.ToString(CultureInfo.InvariantCulture),
            "--min-file-age", spec.MinFileAge,
        ]);
        if (manifests.Pruning != InputPruning.None)
        {
            var since = Inputs.InputRule.Cutoff(manifests, window);
            command.AddRange([
                "--modified-since", since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                "--layout", manifests.Layout == ManifestLayout.Daily ? "daily" : "flat",
            ]);
        }
        return command;
    }
}
