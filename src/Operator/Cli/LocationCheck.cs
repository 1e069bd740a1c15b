using KafkaRecon.Entities;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Cli;

/// <summary>
/// What <see cref="KafkaRecon.Entities.Validation.SpecValidator"/> cannot see from the spec alone, checked on this
/// machine before a local run starts: local input folders must exist, the output folder must take a file (a read-only
/// folder or a full disk is found now rather than after a phase's retries), and S3 locations need an AWS region.
/// Runs only on a spec that passed the validator.
/// </summary>
internal static class LocationCheck
{
    public static IReadOnlyList<string> Problems(KafkaReconciliationSpec spec)
    {
        var problems = new List<string>();
        foreach (var (field, location) in new[]
                 {
                     ("spec.manifests.importLocation", spec.Manifests.ImportLocation),
                     ("spec.manifests.exportLocation", spec.Manifests.ExportLocation),
                 })
        {
            if (!ObjectStoreLocation.IsS3(location) && !Directory.Exists(location))
            {
                problems.Add($"{field}: '{location}' is not a readable folder");
            }
        }
        var output = spec.Output.Location;
        if (!ObjectStoreLocation.IsS3(output))
        {
            if (WriteProblem(output) is { } problem)
            {
                problems.Add($"spec.output.location: '{output}' cannot be written: {problem}");
            }
        }
        if (S3RegionProblem(spec) is { } regionProblem)
        {
            problems.Add(regionProblem);
        }
        return problems;
    }

    /// <summary>Creates the folder and writes (then removes) one byte in it; null when that worked.</summary>
    private static string? WriteProblem(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".kafka-recon-write-check-{Environment.ProcessId}");
            using (var stream = new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
                stream.WriteByte(0);
                stream.Flush(flushToDisk: true);
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    private static string? S3RegionProblem(KafkaReconciliationSpec spec)
    {
        var (field, location) = new[]
        {
            ("spec.manifests.importLocation", spec.Manifests.ImportLocation),
            ("spec.manifests.exportLocation", spec.Manifests.ExportLocation),
            ("spec.output.location", spec.Output.Location),
        }.FirstOrDefault(entry => ObjectStoreLocation.IsS3(entry.Item2));
        if (field is null)
        {
            return null;
        }
        try
        {
            AwsOptions.FromEnvironment();
            return null;
        }
        catch (AwsConfigurationException exception)
        {
            return $"{field}: '{location}' is on S3: {exception.Message}";
        }
    }
}
