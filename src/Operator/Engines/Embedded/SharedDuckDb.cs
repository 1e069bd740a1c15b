using DuckDB.NET.Data;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// One in-memory DuckDB database for the whole process, for the sessions of runs with DuckDB's default resources
/// (no <c>spec.transform.threads</c>, no <c>memoryLimit</c>). Opening and tearing down a database costs about 15 ms of
/// CPU and a round of allocator work, against under a millisecond for one more connection (bench
/// <c>open-cost</c>); a run opens up to five sessions, and an operator runs a thousand small runs a night. Sessions
/// keep apart by connection (temporary objects) and by a schema of their own (<see cref="DuckDbSession"/>).
/// A database DuckDB reports as invalidated (after a fatal error) is replaced by a new one for later sessions.
/// </summary>
internal static class SharedDuckDb
{
    private static readonly Lock Gate = new();
    private static DuckDBConnection? keeper;

    /// <summary>The process's own folder for what the shared database spills, removed when the process ends.</summary>
    public static string TempDirectory { get; } =
        Path.Combine(Path.GetTempPath(), "kafka-recon-duckdb", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// A new open connection to the shared database, created with its settings on first use;
    /// <paramref name="database"/> names the database it belongs to, for <see cref="Discard"/>.
    /// </summary>
    public static DuckDBConnection Connect(out object database)
    {
        lock (Gate)
        {
            keeper ??= OpenKeeper();
            database = keeper;
            var connection = keeper.Duplicate();
            if (connection.State != System.Data.ConnectionState.Open)
            {
                connection.Open();
            }
            return connection;
        }
    }

    /// <summary>Drops <paramref name="database"/> if it is still the shared one; later sessions get a new one.</summary>
    public static void Discard(object database)
    {
        lock (Gate)
        {
            if (ReferenceEquals(keeper, database))
            {
                keeper.Dispose();
                keeper = null;
            }
        }
    }

    public static bool IsInvalidation(DuckDBException exception) =>
        exception.Message.Contains("database has been invalidated", StringComparison.OrdinalIgnoreCase) ||
        exception.Message.Contains("FATAL Error", StringComparison.OrdinalIgnoreCase);

    private static DuckDBConnection OpenKeeper()
    {
        var settings = new DuckDbSettings(0, null, TempDirectory);
        Directory.CreateDirectory(settings.TempDirectory);
        var connection = new DuckDBConnection("Data Source=:memory:");
        try
        {
            connection.Open();
            foreach (var statement in settings.Statements())
            {
                using var command = connection.CreateCommand();
                command.CommandText = statement;
                command.ExecuteNonQuery();
            }
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
