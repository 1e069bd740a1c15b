namespace KafkaRecon.Entities.Validation;

/// <summary>
/// The one place that decides whether a spec can run: the bounds the spec types declare (the same attributes the CRD
/// schema is generated from), the locations, the window, the durations and sizes, and what the chosen engine needs.
/// Engines assume a spec that passed. Every message names the field, the value and what was expected.
/// </summary>
public static class SpecValidator
{
    /// <summary>Longest window one run reconciles; a run is planned per day, a week of catch-up at most a month.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);

    /// <summary>Smallest transform budget: below it DuckDB cannot hold even one partition's buffers.</summary>
    public const long MinMemoryLimitBytes = 128L * 1024 * 1024;

    /// <summary>The resource as a whole: its name (which names the run's folders and tables) and its spec.</summary>
    public static IReadOnlyList<SpecError> Validate(KafkaReconciliation resource)
    {
        var errors = new List<SpecError>();
        if (ResourceNameRule.Check(resource.Metadata?.Name) is { } nameError)
        {
            errors.Add(nameError);
        }
        if (resource.Spec is null)
        {
            errors.Add(new("spec", "is required"));
            return errors;
        }
        errors.AddRange(Validate(resource.Spec));
        return errors;
    }

    public static IReadOnlyList<SpecError> Validate(KafkaReconciliationSpec spec)
    {
        var errors = new List<SpecError>();
        DeclaredRules.Check(spec, "spec", errors);
        if (errors.Any(error => error.Message.StartsWith("is required and may not be null", StringComparison.Ordinal)))
        {
            return errors; // a missing section hides the fields the rules below read
        }
        ValidateWindow(spec.Window, errors);
        LocationRules.Check(spec, errors);
        ValidateTimeouts(spec.Timeouts, errors);
        ValidateMemoryLimit(spec.Transform.MemoryLimit, errors);
        ValidateVerification(spec.Verification, errors);
        if (spec.Comparison is { } comparison && !Enum.IsDefined(comparison.DatabaseNames))
        {
            errors.Add(new("spec.comparison.databaseNames",
                $"'{comparison.DatabaseNames}' is not one of asIs, hyphenate"));
        }
        if (!DurationParser.TryParse(spec.Manifests.PruningSlack, out _))
        {
            errors.Add(new("spec.manifests.pruningSlack",
                $"'{spec.Manifests.PruningSlack}' is not a duration; expected e.g. '1h', '30m'"));
        }
        RetentionRule.Check(spec, errors);
        StartRule.Check(spec.Start, errors);
        RecheckRule.Check(spec.Recheck, errors);
        SlackRules.Check(spec.Notifications, errors);
        CollectionRulesCheck.Check(spec.Verification, errors);
        if (spec.Query.Sets.Count == 0)
        {
            errors.Add(new("spec.query.sets", "is empty; expected at least one of main, additional, specific"));
        }
        if (spec.Engine == EngineKind.Aws)
        {
            AwsRules.Check(spec, errors);
        }
        RunnerRules.Check(spec, errors);
        return errors;
    }

    private static void ValidateWindow(WindowSpec window, List<SpecError> errors)
    {
        if (window is not { Start: { } start, End: { } end })
        {
            return;
        }
        if (end <= start)
        {
            errors.Add(new("spec.window.end",
                $"'{end:O}' is not after spec.window.start '{start:O}'; the end is exclusive and must be later"));
        }
        else if (end - start > MaxWindow)
        {
            errors.Add(new("spec.window.end",
                $"'{end:O}' is {(end - start).TotalDays:0.#} days after spec.window.start; a window spans at most {MaxWindow.TotalDays} days"));
        }
    }

    private static void ValidateVerification(VerificationSpec verification, List<SpecError> errors)
    {
        if (verification.MaxRejectedLines is < 0 or > MaxRejectedLinesBound)
        {
            errors.Add(new("spec.verification.maxRejectedLines",
                $"{verification.MaxRejectedLines} is outside 0..{MaxRejectedLinesBound}"));
        }
    }

    /// <summary>The CRD schema's bound of <c>spec.verification.maxRejectedLines</c>.</summary>
    public const long MaxRejectedLinesBound = 1_000_000_000;

    private static void ValidateTimeouts(TimeoutsSpec timeouts, List<SpecError> errors)
    {
        foreach (var (field, value) in new[]
                 {
                     ("spec.timeouts.coalesce", timeouts.Coalesce), ("spec.timeouts.transform", timeouts.Transform),
                     ("spec.timeouts.query", timeouts.Query),
                 })
        {
            if (errors.Any(error => error.Field == field))
            {
                continue; // already reported by its declared pattern
            }
            if (!DurationParser.TryParse(value, out var duration) || duration <= TimeSpan.Zero)
            {
                errors.Add(new(field, $"'{value}' is not a positive duration; expected e.g. '90m', '2h', '1h30m'"));
            }
        }
    }

    private static void ValidateMemoryLimit(string? memoryLimit, List<SpecError> errors)
    {
        if (memoryLimit is null)
        {
            return;
        }
        if (!ByteSize.TryParse(memoryLimit, out var bytes))
        {
            errors.Add(new("spec.transform.memoryLimit",
                $"'{memoryLimit}' is not a size; expected a number and a unit, e.g. '4GB', '512MiB' or '1.5GiB'"));
        }
        else if (bytes < MinMemoryLimitBytes)
        {
            errors.Add(new("spec.transform.memoryLimit",
                $"'{memoryLimit}' is {bytes:N0} bytes; at least 128MiB is needed for the transform"));
        }
    }
}
