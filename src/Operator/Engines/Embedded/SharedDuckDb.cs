using DuckDB.NET.Data;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// One in-memory DuckDB database shared by the process's sessions with DuckDB's default resources (no
/// <c>spec.transform.threads</c>, no <c>memoryLimit</c>). Opening and tearing down a database costs about 15 ms of
/// CPU and a round of allocator work, against under a millisecond for one more connection (bench <c>open-cost</c>);
/// a run opens up to five sessions, and an operator runs a thousand small runs a night. Sessions keep apart by
/// connection (temporary objects) and by a schema of their own (<see cref="DuckDbSession"/>).
/// A database outliving many runs holds on to memory they freed (measured: operator RSS growing by about 0.15 MiB per
/// run), so after <see cref="SessionsPerDatabase"/> sessions new ones go to a fresh database and the old one is closed
/// when its last session ends, which gives the memory back. A database DuckDB reports as invalidated (after a fatal
/// error) is retired at once.
/// </summary>
internal static class SharedDuckDb
{
    public const int SessionsPerDatabase = 16;

    private static readonly Lock Gate = new();
    private static Database? current;
    private static int live;
    private static int generation;

    /// <summary>
    /// The process's own folder for what the shared databases spill, each in a subfolder of its own: DuckDB closing a
    /// database deletes every <c>duckdb_temp_*</c> file in a folder it did not create itself, which would take the
    /// spill files of the database still in use if they shared one.
    /// </summary>
    public static string TempDirectory { get; } = Path.Combine(Path.GetTempPath(), "kafka-recon-duckdb",
        Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// A new open connection to the shared database; <paramref name="database"/> names the database it belongs to, to
    /// hand back to <see cref="Release"/> once the connection is closed.
    /// </summary>
    public static DuckDBConnection Connect(out object database)
    {
        lock (Gate)
        {
            var target = current is null || current.Opened >= SessionsPerDatabase ? Replace() : current;
            DuckDBConnection connection;
            try
            {
                connection = DuckDbConnections.Duplicate(target.Keeper);
            }
            catch (DuckDBException)
            {
                // A database that takes no more connections (DuckDB refuses them once it is invalidated) is replaced.
                target = Replace();
                connection = DuckDbConnections.Duplicate(target.Keeper);
            }
            target.Opened++;
            target.Open++;
            database = target;
            return connection;
        }
    }

    /// <summary>Databases opened and not yet closed (the current one included).</summary>
    internal static int LiveDatabases
    {
        get
        {
            lock (Gate)
            {
                return live;
            }
        }
    }

    /// <summary>One more connection to <paramref name="database"/> (a forked session) is open.</summary>
    public static void Acquire(object database)
    {
        lock (Gate)
        {
            ((Database)database).Open++;
        }
    }

    /// <summary>A session's connection to <paramref name="database"/> is closed.</summary>
    public static void Release(object database)
    {
        lock (Gate)
        {
            var released = (Database)database;
            released.Open--;
            if (released != current && released.Open == 0)
            {
                Close(released);
            }
        }
    }

    /// <summary>Later sessions get a new database; <paramref name="database"/> closes with its last session.</summary>
    public static void Discard(object database)
    {
        lock (Gate)
        {
            if (ReferenceEquals(current, database))
            {
                Retire(current);
                current = null;
            }
        }
    }

    /// <summary>
    /// DuckDB invalidates a database on a fatal error and on an internal one (an assertion failing: every later
    /// statement then fails with "database has been invalidated").
    /// </summary>
    public static bool IsInvalidation(DuckDBException exception) =>
        exception.ErrorType is DuckDB.NET.Native.DuckDBErrorType.Fatal or DuckDB.NET.Native.DuckDBErrorType.Internal ||
        exception.Message.Contains("database has been invalidated", StringComparison.OrdinalIgnoreCase) ||
        exception.Message.Contains("FATAL Error", StringComparison.OrdinalIgnoreCase);

    /// <summary>A fresh current database; the old one closes with its last session (or now, when it has none).</summary>
    private static Database Replace()
    {
        Retire(current);
        // Cleared first: a database that failed to open must not leave the retired one current (it would never close).
        current = null;
        current = new Database(OpenKeeper());
        return current;
    }

    private static void Retire(Database? database)
    {
        if (database is { Open: 0 })
        {
            Close(database);
        }
    }

    private static void Close(Database database)
    {
        if (!database.Closed)
        {
            database.Closed = true;
            database.Keeper.Dispose();
            live--;
        }
    }

    private static DuckDBConnection OpenKeeper()
    {
        if (generation == 0)
        {
            // Left by an earlier process with this id (a container restarted after a crash, sharing the /tmp volume).
            LocalWorkspace.DeleteScratch(TempDirectory);
            // Left by ended processes with other ids (outside a container every process has a new one).
            EndedProcessFolders.Delete(Path.GetDirectoryName(TempDirectory)!, EndedProcessFolders.IsRunning);
        }
        Directory.CreateDirectory(TempDirectory);
        generation++;
        // DuckDB creates the subfolder at its first spill and, having created it, removes it when the database closes.
        var settings = new DuckDbSettings(0, null,
            Path.Combine(TempDirectory, generation.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var connection = DuckDbConnections.OpenDatabase(settings);
        live++;
        return connection;
    }

    private sealed class Database(DuckDBConnection keeper)
    {
        public DuckDBConnection Keeper { get; } = keeper;

        /// <summary>Sessions ever opened on it.</summary>
        public int Opened { get; set; }

        /// <summary>Sessions open now.</summary>
        public int Open { get; set; }

        public bool Closed { get; set; }
    }
}
