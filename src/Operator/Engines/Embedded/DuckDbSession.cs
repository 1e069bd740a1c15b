using DuckDB.NET.Data;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// A connection to an in-process DuckDB database (in memory, spilling to a temp folder) with a schema of its own.
/// A session with DuckDB's default resources connects to the process's <see cref="SharedDuckDb"/>; one with a thread
/// count or a memory budget gets a database of its own, with the settings' temp folder. <see cref="Fork"/> opens
/// another connection to the same database and schema for queries that run concurrently. Disposing the session that
/// was opened drops its schema (and its database when it had its own).
/// </summary>
internal sealed class DuckDbSession : IDisposable
{
    private readonly DuckDBConnection connection;
    private readonly string schema;
    private readonly object? sharedDatabase;
    private readonly bool ownsSchema;
    private bool disposed;

    private DuckDbSession(DuckDBConnection connection, string schema, object? sharedDatabase, bool ownsSchema)
    {
        this.connection = connection;
        this.schema = schema;
        this.sharedDatabase = sharedDatabase;
        this.ownsSchema = ownsSchema;
    }

    public static DuckDbSession Open(DuckDbSettings settings)
    {
        object? shared = null;
        if (!settings.UsesDefaultResources)
        {
            Directory.CreateDirectory(settings.TempDirectory);
        }
        var connection = settings.UsesDefaultResources
            ? SharedDuckDb.Connect(out shared)
            : DuckDbConnections.OpenDatabase(settings);
        try
        {
            var session = new DuckDbSession(connection, "run_" + Guid.NewGuid().ToString("N"), shared, ownsSchema: true);
            session.Execute($"CREATE SCHEMA {session.schema}", CancellationToken.None);
            session.UseSchema();
            return session;
        }
        catch
        {
            connection.Dispose();
            if (shared is not null)
            {
                SharedDuckDb.Release(shared);
            }
            throw;
        }
    }

    public DuckDbSession Fork()
    {
        var duplicate = DuckDbConnections.Duplicate(connection);
        if (sharedDatabase is not null)
        {
            SharedDuckDb.Acquire(sharedDatabase);
        }
        var fork = new DuckDbSession(duplicate, schema, sharedDatabase, ownsSchema: false);
        try
        {
            fork.UseSchema();
            return fork;
        }
        catch
        {
            fork.Dispose();
            throw;
        }
    }

    private void UseSchema() => Execute($"SET schema = '{schema}'", CancellationToken.None);

    public void Execute(string sql, CancellationToken cancellationToken)
    {
        using var command = Command(sql);
        using var registration = cancellationToken.Register(command.Cancel);
        // DuckDB ignores an interrupt that arrives before the statement starts, so such a statement would run to the end.
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            command.ExecuteNonQuery();
        }
        catch (DuckDBException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancel interrupts DuckDB, which reports it as an error; callers expect a cancellation.
        }
        catch (DuckDBException exception) when (sharedDatabase is not null && SharedDuckDb.IsInvalidation(exception))
        {
            SharedDuckDb.Discard(sharedDatabase);
            throw;
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Runs a query and hands every row to <paramref name="read"/>; returns the column names.</summary>
    public IReadOnlyList<string> Query(string sql, Action<DuckDBDataReader> read, CancellationToken cancellationToken)
    {
        using var command = Command(sql);
        using var registration = cancellationToken.Register(command.Cancel);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            using var reader = command.ExecuteReader();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                read(reader);
            }
            cancellationToken.ThrowIfCancellationRequested();
            return columns;
        }
        catch (DuckDBException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (DuckDBException exception) when (sharedDatabase is not null && SharedDuckDb.IsInvalidation(exception))
        {
            SharedDuckDb.Discard(sharedDatabase);
            throw;
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        try
        {
            if (ownsSchema && sharedDatabase is not null && connection.State == System.Data.ConnectionState.Open)
            {
                Execute($"DROP SCHEMA IF EXISTS {schema} CASCADE", CancellationToken.None);
            }
        }
        catch (DuckDBException)
        {
            // An invalidated database (already discarded) or an interrupted one: nothing of it is reused.
        }
        finally
        {
            connection.Dispose();
            if (sharedDatabase is not null)
            {
                SharedDuckDb.Release(sharedDatabase);
            }
        }
    }

    private DuckDBCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
