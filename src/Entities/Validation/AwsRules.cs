namespace KafkaRecon.Entities.Validation;

/// <summary>What the AWS engines (Batch, Glue, Athena) need from a spec, checked before any of them is called.</summary>
internal static class AwsRules
{
    public static void Check(KafkaReconciliationSpec spec, List<SpecError> errors)
    {
        if (spec.Coalesce.Enabled && string.IsNullOrWhiteSpace(spec.Coalesce.JobQueue))
        {
            errors.Add(new("spec.coalesce.jobQueue", "is required when engine is aws and coalesce is enabled"));
        }
        if (spec.Coalesce.Enabled && string.IsNullOrWhiteSpace(spec.Coalesce.JobDefinition))
        {
            errors.Add(new("spec.coalesce.jobDefinition", "is required when engine is aws and coalesce is enabled"));
        }
        if (string.IsNullOrWhiteSpace(spec.Transform.GlueJobName))
        {
            errors.Add(new("spec.transform.glueJobName", "is required when engine is aws"));
        }
        if (string.IsNullOrWhiteSpace(spec.Query.Database))
        {
            errors.Add(new("spec.query.database", "is required when engine is aws"));
        }
        foreach (var (field, location) in new[]
                 {
                     ("spec.manifests.importLocation", spec.Manifests.ImportLocation),
                     ("spec.manifests.exportLocation", spec.Manifests.ExportLocation),
                     ("spec.output.location", spec.Output.Location),
                     ("spec.query.outputLocation", spec.Query.OutputLocation),
                 })
        {
            if (location is null)
            {
                continue;
            }
            if (!location.StartsWith("s3://", StringComparison.Ordinal))
            {
                errors.Add(new(field, $"'{location}' must be an s3://bucket/prefix location when engine is aws"));
            }
            else if (location.Contains('\'', StringComparison.Ordinal))
            {
                errors.Add(new(field, $"'{location}' contains a quote, which Athena's LOCATION clause cannot hold"));
            }
        }
    }
}
