namespace KafkaRecon.Entities.Validation;

/// <summary>
/// <c>spec.start</c>: durations a person can read back, markers that name one object each, and a maxWait that leaves
/// the quiet period room to happen (otherwise every run would start by timing out).
/// </summary>
internal static class StartRule
{
    public const string Path = "spec.start";

    public static void Check(StartSpec start, List<SpecError> errors)
    {
        Duration(start.NotBefore, $"{Path}.notBefore", allowZero: true, errors);
        var quiet = Duration(start.QuietPeriod, $"{Path}.quietPeriod", allowZero: false, errors);
        var maxWait = Duration(start.MaxWait, $"{Path}.maxWait", allowZero: false, errors);
        if (quiet is { } q && maxWait is { } m && m < q)
        {
            errors.Add(new($"{Path}.maxWait",
                $"'{start.MaxWait}' is shorter than spec.start.quietPeriod '{start.QuietPeriod}'; the inputs could " +
                "never be quiet long enough before the wait runs out"));
        }
        CheckMarkers(start.Markers, errors);
    }

    private static void CheckMarkers(IList<string> markers, List<SpecError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < markers.Count; i++)
        {
            var field = $"{Path}.markers[{i}]";
            var marker = markers[i];
            if (string.IsNullOrWhiteSpace(marker))
            {
                errors.Add(new(field, "is empty; expected an absolute file path or s3://bucket/key"));
            }
            else if (marker.StartsWith("s3://", StringComparison.Ordinal)
                ? marker.Length <= "s3://".Length || marker["s3://".Length..].IndexOf('/') <= 0 || marker.EndsWith('/')
                : !System.IO.Path.IsPathFullyQualified(marker))
            {
                errors.Add(new(field, $"'{marker}' is not an absolute file path or s3://bucket/key naming one object"));
            }
            else if (!seen.Add(marker))
            {
                errors.Add(new(field, $"'{marker}' is listed twice"));
            }
        }
    }

    /// <summary>The duration, or null when unset or reported as an error (replacing the declared pattern's message).</summary>
    public static TimeSpan? Duration(string? text, string field, bool allowZero, List<SpecError> errors)
    {
        if (text is null)
        {
            return null;
        }
        if (DurationParser.TryParse(text, out var duration) && (allowZero || duration > TimeSpan.Zero))
        {
            return duration;
        }
        errors.RemoveAll(error => error.Field == field);
        errors.Add(new(field, $"'{text}' is not a {(allowZero ? "duration of zero or more" : "positive duration")}; " +
                              "expected e.g. '30m', '2h', '1h30m'"));
        return null;
    }
}
