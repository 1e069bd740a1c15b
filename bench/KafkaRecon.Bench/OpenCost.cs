using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace KafkaRecon.Bench;

/// <summary>
/// <c>open-cost N</c>: wall and CPU milliseconds of opening an in-memory DuckDB database, running one statement and
/// closing it, against opening one more connection to a database kept open (what a shared instance would cost).
/// </summary>
internal static class OpenCost
{
    public static int Run(int count, TextWriter output)
    {
        Measure("own database per session", count, output, () =>
        {
            using var connection = new DuckDBConnection("Data Source=:memory:");
            connection.Open();
            Execute(connection);
        });
        using var keeper = new DuckDBConnection("Data Source=:memory:?cache=shared");
        keeper.Open();
        Measure("connection to a shared database", count, output, () =>
        {
            using var connection = keeper.Duplicate();
            if (connection.State != System.Data.ConnectionState.Open)
            {
                connection.Open();
            }
            Execute(connection);
        });
        return 0;
    }

    private static void Execute(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TEMP TABLE t AS SELECT range AS x FROM range(100); SELECT COUNT(*) FROM t";
        command.ExecuteNonQuery();
    }

    private static void Measure(string what, int count, TextWriter output, Action once)
    {
        once();
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < count; i++)
        {
            once();
        }
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-34} {clock.Elapsed.TotalMilliseconds / count,8:0.00} ms wall {cpuMs,8:0.00} ms cpu per session"));
    }
}
