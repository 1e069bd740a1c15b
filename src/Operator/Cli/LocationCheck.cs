using KafkaRecon.Entities;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Cli;

/// <summary>Before a local run starts: local input folders must exist and the output folder must be creatable.</summary>
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
        return problems;
    }
}
