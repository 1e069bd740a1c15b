using KafkaRecon.Entities;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Cli;

/// <summary>
/// Before a local run starts: local input folders must exist, the output folder must be creatable, and S3 locations
/// need an AWS region (found now rather than after a phase's retries).
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
            try
            {
                Directory.CreateDirectory(output);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"spec.output.location: '{output}' cannot be created: {e.Message}");
            }
        }
        if (S3RegionProblem(spec) is { } regionProblem)
        {
            problems.Add(regionProblem);
        }
        return problems;
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
