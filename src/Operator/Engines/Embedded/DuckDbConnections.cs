using DuckDB.NET.Data;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>Opening DuckDB connections: to a new in-memory database, or one more to the same database.</summary>
internal static class DuckDbConnections
{
    /// <summary>
    /// A connection to a new in-memory database with <paramref name="settings"/> applied; its temp folder is created
    /// by DuckDB at the first spill (or by the caller).
    /// </summary>
    public static DuckDBConnection OpenDatabase(DuckDbSettings settings)
    {
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

    /// <summary>Another open connection to <paramref name="connection"/>'s database.</summary>
    public static DuckDBConnection Duplicate(DuckDBConnection connection)
    {
        var duplicate = connection.Duplicate();
        try
        {
            if (duplicate.State != System.Data.ConnectionState.Open)
            {
                duplicate.Open();
            }
            return duplicate;
        }
        catch
        {
            duplicate.Dispose();
            throw;
        }
    }
}
