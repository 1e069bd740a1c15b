using DuckDB.NET.Data;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// One in-process DuckDB database (in memory, spilling to the settings' temp folder) and its connection.
/// <see cref="Fork"/> opens another connection to the same database for queries that run concurrently.
/// </summary>
internal sealed class DuckDbSession : IDisposable
{
    private readonly DuckDBConnection connection;

    private DuckDbSession(DuckDBConnection connection) => this.connection = connection;

    public static DuckDbSession Open(DuckDbSettings settings)
    {
        Directory.CreateDirectory(settings.TempDirectory);
        var connection = new DuckDBConnection("Data Source=:memory:");
        try
        {
            connection.Open();
            var session = new DuckDbSession(connection);
            foreach (var statement in settings.Statements())
            {
                session.Execute(statement, CancellationToken.None);
            }
            return session;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public DuckDbSession Fork()
    {
        var duplicate = connection.Duplicate();
        if (duplicate.State != System.Data.ConnectionState.Open)
        {
            duplicate.Open();
        }
        return new DuckDbSession(duplicate);
    }

    public void Execute(string sql, CancellationToken cancellationToken)
    {
        using var command = Command(sql);
        using var registration = cancellationToken.Register(command.Cancel);
        try
        {
            command.ExecuteNonQuery();
        }
        catch (DuckDBException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancel interrupts DuckDB, which reports it as an error; callers expect a cancellation.
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Runs a query and hands every row to <paramref name="read"/>; returns the column names.</summary>
    public IReadOnlyList<string> Query(string sql, Action<DuckDBDataReader> read, CancellationToken cancellationToken)
    {
        using var command = Command(sql);
        using var registration = cancellationToken.Register(command.Cancel);
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
    }

    public void Dispose() => connection.Dispose();

    private DuckDBCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
