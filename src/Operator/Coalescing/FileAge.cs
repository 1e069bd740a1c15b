using KafkaRecon.Entities.Validation;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>The minimum age of a file before coalesce merges it (<c>spec.coalesce.minFileAge</c>, <c>--min-file-age</c>).</summary>
internal static class FileAge
{
    public const string DefaultText = "2m";
    public static TimeSpan Maximum { get; } = TimeSpan.FromHours(24);

    /// <summary>A duration such as "2m", "90s" or "0s", at most <see cref="Maximum"/>; or an error naming the field.</summary>
    public static TimeSpan? Parse(string? text, string field, out string? error)
    {
        if (DurationParser.TryParse(text, out var age) && age <= Maximum)
        {
            error = null;
            return age;
        }
        error = $"{field} '{text}' is not a file age; expected a duration from 0s to 24h such as '2m' or '90s'.";
        return null;
    }
}
