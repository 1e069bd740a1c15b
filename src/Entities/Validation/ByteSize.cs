using System.Globalization;
using System.Text.RegularExpressions;

namespace KafkaRecon.Entities.Validation;

/// <summary>
/// Sizes as <c>spec.transform.memoryLimit</c> takes them: decimal units (KB, MB, ...) are powers of 1000 and binary
/// ones (KiB, MiB, ...) of 1024, as in DuckDB.
/// </summary>
public static partial class ByteSize
{
    /// <summary>The same pattern the CRD schema checks (<see cref="TransformSpec.MemoryLimit"/>).</summary>
    public const string Pattern = @"^[0-9]+(\.[0-9]+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$";

    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        var match = text is null ? Match.Empty : Size().Match(text);
        if (!match.Success)
        {
            return false;
        }
        var unit = match.Groups["unit"].Value;
        var power = "BKMGT".IndexOf(unit[0], StringComparison.Ordinal);
        var scale = unit.EndsWith("iB", StringComparison.Ordinal) ? 1024m : 1000m;
        var value = decimal.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        for (var i = 0; i < power; i++)
        {
            value *= scale;
        }
        if (value < 1 || value > long.MaxValue)
        {
            return false;
        }
        bytes = (long)value;
        return true;
    }

    [GeneratedRegex(@"^(?<number>[0-9]+(\.[0-9]+)?)\s*(?<unit>B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", RegexOptions.CultureInvariant)]
    private static partial Regex Size();
}
