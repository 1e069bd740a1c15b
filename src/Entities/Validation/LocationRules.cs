namespace KafkaRecon.Entities.Validation;

/// <summary>
/// The three locations of a spec: each must name a folder or an S3 prefix the engines can read literally, and they
/// may not overlap — the import and export are different folders, and the output lies inside neither (the next run
/// would read its own reports as manifests).
/// </summary>
internal static class LocationRules
{
    private const string S3Scheme = "s3://";

    /// <summary>Characters the engines read as glob patterns (DuckDB, Spark): a location holding one is not literal.</summary>
    private static readonly char[] GlobCharacters = ['*', '?', '[', ']', '{', '}'];

    public static void Check(KafkaReconciliationSpec spec, List<SpecError> errors)
    {
        var locations = new[]
        {
            ("spec.manifests.importLocation", spec.Manifests.ImportLocation),
            ("spec.manifests.exportLocation", spec.Manifests.ExportLocation),
            ("spec.output.location", spec.Output.Location),
        };
        var before = errors.Count;
        foreach (var (field, location) in locations)
        {
            if (Problem(location) is { } problem)
            {
                errors.Add(new(field, problem));
            }
        }
        if (errors.Count == before)
        {
            CheckOverlaps(spec, errors);
        }
    }

    /// <summary>What is wrong with one location, or null when the engines can read it.</summary>
    public static string? Problem(string? location)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            return "is required: a local folder or s3://bucket/prefix";
        }
        if (location.Any(char.IsControl))
        {
            return $"'{Printable(location)}' contains a control character (such as NUL); expected a folder or s3://bucket/prefix";
        }
        if (location.IndexOfAny(GlobCharacters) is var glob and >= 0)
        {
            return $"'{location}' contains '{location[glob]}'; locations are read with glob patterns, so none of " +
                   $"{string.Join(" ", GlobCharacters)} may appear in them";
        }
        if (location.StartsWith(S3Scheme, StringComparison.Ordinal) && location[S3Scheme.Length..].Split('/')[0].Length == 0)
        {
            return $"'{location}' names no bucket; expected s3://bucket/prefix";
        }
        return null;
    }

    private static void CheckOverlaps(KafkaReconciliationSpec spec, List<SpecError> errors)
    {
        var import = Normalize(spec.Manifests.ImportLocation);
        var export = Normalize(spec.Manifests.ExportLocation);
        var output = Normalize(spec.Output.Location);
        if (import == export)
        {
            errors.Add(new("spec.manifests.exportLocation",
                $"'{spec.Manifests.ExportLocation}' is the same location as spec.manifests.importLocation; the two sides must be read from different folders"));
        }
        else if (Inside(import, export) || Inside(export, import))
        {
            errors.Add(new("spec.manifests.exportLocation",
                $"'{spec.Manifests.ExportLocation}' and spec.manifests.importLocation '{spec.Manifests.ImportLocation}' lie one inside the other; each side is read recursively, so one would read the other's files"));
        }
        foreach (var (field, input) in new[] { ("spec.manifests.importLocation", import), ("spec.manifests.exportLocation", export) })
        {
            if (output == input || Inside(output, input))
            {
                errors.Add(new("spec.output.location",
                    $"'{spec.Output.Location}' lies inside {field}; the next run would read its own reports as manifests"));
                break;
            }
        }
    }

    /// <summary>A comparable form ending in '/': S3 prefixes as written, local folders as absolute paths.</summary>
    private static string Normalize(string location)
    {
        var path = location.StartsWith(S3Scheme, StringComparison.Ordinal) ? location : Path.GetFullPath(location);
        return path.TrimEnd('/') + "/";
    }

    private static bool Inside(string inner, string outer) =>
        inner.Length > outer.Length && inner.StartsWith(outer, StringComparison.Ordinal);

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
