using System.Globalization;
using KafkaRecon.Entities;
using KafkaRecon.Entities.Validation;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// DuckDB's resource settings: worker threads (0 = one per core), an optional memory budget for the transform and
/// the folder it spills to.
/// </summary>
/// <param name="MemoryLimitBytes">
/// <c>spec.transform.memoryLimit</c> in bytes: a budget for the whole process, so it can match a container limit.
/// DuckDB's own <c>memory_limit</c> bounds only its buffer manager; its window partitioning keeps per-thread buffers
/// outside it (measured: 50M records per side on 2 threads peaked 1.24 GiB above a 3.73 GiB limit). So DuckDB gets the
/// budget less <see cref="ReservePerThread"/> per worker thread, but never less than half of it.
/// </param>
internal sealed record DuckDbSettings(int Threads, long? MemoryLimitBytes, string TempDirectory)
{
    public const long ReservePerThread = 768L * 1024 * 1024;

    /// <summary>The limit DuckDB's buffer manager gets out of the budget, in bytes; null without a budget.</summary>
    public long? DuckDbMemoryLimitBytes(int processorCount) => MemoryLimitBytes is { } budget
        ? Math.Max(budget / 2, budget - ReservePerThread * (Threads > 0 ? Threads : processorCount))
        : null;

    public static DuckDbSettings From(TransformSpec spec, string tempDirectory)
    {
        if (spec.Threads < 0)
        {
            throw new ArgumentException(
                $"spec.transform.threads is {spec.Threads}; expected 0 (one per core) or a positive number.");
        }
        long? bytes = null;
        if (spec.MemoryLimit is { } limit)
        {
            bytes = ByteSize.TryParse(limit, out var parsed) ? parsed : throw new ArgumentException(
                $"spec.transform.memoryLimit '{limit}' is not a size; expected a number and a unit, e.g. '4GB', " +
                "'512MiB' or '1.5GiB'.");
        }
        return new DuckDbSettings(spec.Threads, bytes, tempDirectory);
    }

    /// <summary>Neither a thread count nor a memory budget: such sessions share the process's database.</summary>
    public bool UsesDefaultResources => Threads == 0 && MemoryLimitBytes is null;

    /// <summary>SET statements; every value is a number computed here, the folder is a quoted literal.</summary>
    public IEnumerable<string> Statements()
    {
        if (Threads > 0)
        {
            yield return $"SET threads = {Threads.ToString(CultureInfo.InvariantCulture)}";
        }
        if (DuckDbMemoryLimitBytes(Environment.ProcessorCount) is { } limit)
        {
            var kibibytes = Math.Max(1, limit / 1024);
            yield return $"SET memory_limit = '{kibibytes.ToString(CultureInfo.InvariantCulture)}KiB'";
        }
        yield return $"SET temp_directory = {DuckDbLiteral.String(TempDirectory)}";
        // Row order of the result tables carries no meaning; dropping it lets DuckDB stream and spill freely.
        yield return "SET preserve_insertion_order = false";
        // read_csv estimates a manifest at a few thousand rows whatever its size, so the optimizer would build each
        // hash join on the raw text (10M wide rows) instead of the few differing ids: 7.3 s against 2.4 s for one side
        // at 10M (bench/README.md). The comparison SQL writes every join with its small side on the right, which is the
        // side DuckDB builds on when this optimizer is off.
        yield return "SET disabled_optimizers = 'build_side_probe_side'";
    }
}
