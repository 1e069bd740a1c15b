using System.Globalization;
using System.Text.RegularExpressions;

namespace KafkaRecon.Entities.Validation;

/// <summary>Parses Go-style durations as Kubernetes users write them: "90m", "1h30m", "45s", "500ms".</summary>
public static partial class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text) || !WholeDuration().IsMatch(text))
        {
            return false;
        }
        foreach (Match part in DurationPart().Matches(text))
        {
            var value = double.Parse(part.Groups["value"].Value, CultureInfo.InvariantCulture);
            duration += part.Groups["unit"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromHours(value),
            };
        }
        return true;
    }

    public static TimeSpan Parse(string text, string field) =>
        TryParse(text, out var duration)
            ? duration
            : throw new FormatException($"{field}: '{text}' is not a duration; expected e.g. '90m', '2h', '1h30m'.");

    [GeneratedRegex(@"^(\d+(\.\d+)?(ms|s|m|h))+$")]
    private static partial Regex WholeDuration();

    [GeneratedRegex(@"(?<value>\d+(\.\d+)?)(?<unit>ms|s|m|h)")]
    private static partial Regex DurationPart();
}
