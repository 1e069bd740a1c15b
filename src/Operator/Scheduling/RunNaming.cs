using System.Globalization;
using System.Text.RegularExpressions;

namespace KafkaRecon.Operator.Scheduling;

/// <summary>
/// Deterministic resource names: one name per window, so a repeated or duplicated CronJob run hits AlreadyExists
/// instead of starting a second reconciliation of the same window.
/// </summary>
internal static partial class RunNaming
{
    // Names stay within a DNS-1123 label so they also fit label values and the AWS job names derived from them.
    public const int MaxNameLength = 63;

    public static string NameFor(string prefix, ScheduleWindow window)
    {
        ValidatePrefix(prefix);
        var day = window.Start.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var name = window.IsWholeUtcDay
            ? $"{prefix}-{day}"
            : $"{prefix}-{day}-{window.Start.UtcDateTime.ToString("HHmm", CultureInfo.InvariantCulture)}-" +
              $"{(long)(window.End - window.Start).TotalMinutes}m";
        if (name.Length > MaxNameLength)
        {
            throw new ScheduleInputException(
                $"--prefix '{prefix}' is too long: the resource name '{name}' has {name.Length} characters, " +
                $"at most {MaxNameLength} are allowed. Use a prefix of at most {MaxNameLength - (name.Length - prefix.Length)} characters.");
        }
        return name;
    }

    public static void ValidatePrefix(string prefix)
    {
        if (!Dns1123Label().IsMatch(prefix))
        {
            throw new ScheduleInputException(
                $"--prefix '{prefix}' is not a valid DNS-1123 label: use lower-case letters, digits and '-', " +
                "starting and ending with a letter or digit (for example 'nightly').");
        }
    }

    public static void ValidateScheduleName(string scheduleName)
    {
        if (scheduleName.Length is 0 or > 63 || !LabelValue().IsMatch(scheduleName))
        {
            throw new ScheduleInputException(
                $"--schedule-name '{scheduleName}' is not a valid label value: 1 to 63 letters, digits, '-', '_' or '.', " +
                "starting and ending with a letter or digit.");
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
