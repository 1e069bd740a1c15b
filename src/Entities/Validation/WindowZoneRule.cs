using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KafkaRecon.Entities.Validation;

/// <summary>
/// A window time must carry its zone ('Z' or an offset such as '+01:00'). Without one the time would be read in the
/// machine's local zone and the window would move with <c>TZ</c>; such a time is rejected, never guessed. Checked on
/// the document as written, since a parsed time no longer shows whether a zone was given.
/// </summary>
public static partial class WindowZoneRule
{
    public static IReadOnlyList<SpecError> Check(JsonObject resource)
    {
        var errors = new List<SpecError>();
        if (resource["spec"] is JsonObject { } spec && spec["window"] is JsonObject window)
        {
            foreach (var bound in new[] { "start", "end" })
            {
                if (window[bound] is JsonValue value && value.TryGetValue<string>(out var text) && !WithZone().IsMatch(text))
                {
                    errors.Add(new($"spec.window.{bound}",
                        $"'{text}' has no time zone; write an RFC 3339 time with 'Z' or an offset, e.g. 2024-03-01T00:00:00Z"));
                }
            }
        }
        return errors;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WithZone();
}
