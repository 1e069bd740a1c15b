using System.Globalization;
using System.Text.RegularExpressions;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>Reads durations such as <c>90m</c>, <c>2h</c> or <c>1h30m</c> (<see cref="TimeoutsSpec.DurationPattern"/>).</summary>
internal static partial class SpecDuration
{
    public static TimeSpan Parse(string value, string field)
    {
        if (!Regex.IsMatch(value, TimeoutsSpec.DurationPattern))
        {
            throw new ArgumentException($"{field} '{value}' is not a duration; expected e.g. '90m', '2h' or '1h30m'.");
        }
        var total = TimeSpan.Zero;
        foreach (Match part in Part().Matches(value))
        {
            var amount = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromHours(amount),
            };
        }
        return total;
    }

    [GeneratedRegex("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)")]
    private static partial Regex Part();
}
