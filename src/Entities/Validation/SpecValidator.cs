namespace KafkaRecon.Entities.Validation;

/// <summary>
/// Checks what the CRD schema cannot: cross-field rules and what each engine needs. Every message names the field,
/// the value and what was expected.
/// </summary>
public static class SpecValidator
{
    public static IReadOnlyList<SpecError> Validate(KafkaReconciliationSpec spec)
    {
        var errors = new List<SpecError>();
        ValidateWindow(spec.Window, errors);
        RequireLocation("spec.manifests.importLocation", spec.Manifests.ImportLocation, errors);
        RequireLocation("spec.manifests.exportLocation", spec.Manifests.ExportLocation, errors);
        RequireLocation("spec.output.location", spec.Output.Location, errors);
        ValidateTimeouts(spec.Timeouts, errors);
        if (!DurationParser.TryParse(spec.Manifests.PruningSlack, out _))
        {
            errors.Add(new("spec.manifests.pruningSlack",
                $"'{spec.Manifests.PruningSlack}' is not a duration; expected e.g. '1h', '30m'"));
        }
        if (spec.Query.Sets.Count == 0)
        {
            errors.Add(new("spec.query.sets", "is empty; expected at least one of main, additional, specific"));
        }
        if (spec.Engine == EngineKind.Aws)
        {
            ValidateAws(spec, errors);
        }
        return errors;
    }

    private static void ValidateWindow(WindowSpec window, List<SpecError> errors)
    {
        if (window is { Start: { } start, End: { } end } && end <= start)
        {
            errors.Add(new("spec.window.end",
                $"'{end:O}' is not after spec.window.start '{start:O}'; the end is exclusive and must be later"));
        }
        if (window.MarginMinutes is < 0 or > 1440)
        {
            errors.Add(new("spec.window.marginMinutes", $"{window.MarginMinutes} is outside 0..1440"));
        }
    }

    private static void RequireLocation(string field, string? location, List<SpecError> errors)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            errors.Add(new(field, "is required: a local folder or s3://bucket/prefix"));
        }
        else if (location.StartsWith("s3://", StringComparison.Ordinal) && location.Length <= "s3://".Length)
        {
            errors.Add(new(field, $"'{location}' names no bucket; expected s3://bucket/prefix"));
        }
    }

    private static void ValidateTimeouts(TimeoutsSpec timeouts, List<SpecError> errors)
    {
        foreach (var (field, value) in new[]
                 {
                     ("spec.timeouts.coalesce", timeouts.Coalesce), ("spec.timeouts.transform", timeouts.Transform),
                     ("spec.timeouts.query", timeouts.Query),
                 })
        {
            if (!DurationParser.TryParse(value, out var duration) || duration <= TimeSpan.Zero)
            {
                errors.Add(new(field, $"'{value}' is not a positive duration; expected e.g. '90m', '2h', '1h30m'"));
            }
        }
    }

    private static void ValidateAws(KafkaReconciliationSpec spec, List<SpecError> errors)
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
                 })
        {
            if (!string.IsNullOrWhiteSpace(location) && !location.StartsWith("s3://", StringComparison.Ordinal))
            {
                errors.Add(new(field, $"'{location}' must be an s3://bucket/prefix location when engine is aws"));
            }
        }
    }
}
