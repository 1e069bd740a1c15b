using System.Globalization;
using System.Text.RegularExpressions;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// DuckDB's resource settings: worker threads (0 = one per core), an optional memory limit such as <c>4GB</c>
/// (beyond it DuckDB spills) and the folder it spills to.
/// </summary>
internal sealed partial record DuckDbSettings(int Threads, string? MemoryLimit, string TempDirectory)
{
    public static DuckDbSettings From(TransformSpec spec, string tempDirectory)
    {
        if (spec.Threads < 0)
        {
            throw new ArgumentException(
                $"spec.transform.threads is {spec.Threads}; expected 0 (one per core) or a positive number.");
        }
        if (spec.MemoryLimit is { } limit && !MemoryLimitPattern().IsMatch(limit))
        {
            throw new ArgumentException(
                $"spec.transform.memoryLimit '{limit}' is not a size; expected a number and a unit, e.g. '4GB', " +
                "'512MiB' or '1.5GiB'.");
        }
        return new DuckDbSettings(spec.Threads, spec.MemoryLimit?.Replace(" ", "", StringComparison.Ordinal), tempDirectory);
    }

    /// <summary>SET statements; every value is validated or a plain number, the folder is a quoted literal.</summary>
    public IEnumerable<string> Statements()
    {
        if (Threads > 0)
        {
            yield return $"SET threads = {Threads.ToString(CultureInfo.InvariantCulture)}";
        }
        if (MemoryLimit is not null)
        {
            yield return $"SET memory_limit = '{MemoryLimit}'";
        }
        yield return $"SET temp_directory = {DuckDbLiteral.String(TempDirectory)}";
        // Row order of the result tables carries no meaning; dropping it lets DuckDB stream and spill freely.
        yield return "SET preserve_insertion_order = false";
    }

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", RegexOptions.CultureInvariant)]
    private static partial Regex MemoryLimitPattern();
}
