using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines.Embedded;

namespace KafkaRecon.Tests.Engines.Embedded;

public sealed class DuckDbSessionTests : IDisposable
{
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "kafka-recon-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Cancelling_interrupts_a_running_statement()
    {
        using var session = DuckDbSession.Open(new DuckDbSettings(1, null, scratch));
        using var cancellation = new CancellationTokenSource();
        var running = Task.Run(() => session.Execute(
            "CREATE TEMP TABLE endless AS SELECT SUM(a.range * b.range) AS s FROM range(1000000) a, range(1000000) b",
            cancellation.Token));

        cancellation.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_statement_whose_cancellation_came_before_it_started_does_not_run()
    {
        using var session = DuckDbSession.Open(DuckDbSettings.From(new TransformSpec(), scratch));
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var running = Task.Run(() => session.Execute(
            "CREATE TEMP TABLE endless AS SELECT SUM(a.range * b.range) AS s FROM range(1000000) a, range(1000000) b",
            cancellation.Token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact(Timeout = 60_000)]
    public async Task Cancelling_a_statement_on_the_shared_database_leaves_it_and_other_sessions_working()
    {
        var settings = DuckDbSettings.From(new TransformSpec(), scratch);
        using var other = DuckDbSession.Open(settings);
        other.Execute("CREATE TABLE kept AS SELECT 7 AS n", CancellationToken.None);
        using var session = DuckDbSession.Open(settings);
        using var cancellation = new CancellationTokenSource();
        var running = Task.Run(() => session.Query(
            "SELECT SUM(a.range * b.range) AS s FROM range(1000000) a, range(1000000) b", _ => { }, cancellation.Token));

        cancellation.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        session.Execute("CREATE TABLE after AS SELECT 1 AS n", CancellationToken.None);
        Assert.Equal(["1"], Values(session, "SELECT n FROM after"));
        Assert.Equal(["7"], Values(other, "SELECT n FROM kept"));
    }

    [Fact]
    public void Settings_are_applied_to_the_session()
    {
        using var session = DuckDbSession.Open(DuckDbSettings.From(new TransformSpec { Threads = 1, MemoryLimit = "1GiB" }, scratch));
        var values = new List<string>();

        session.Query("SELECT current_setting('threads'), current_setting('memory_limit'), current_setting('temp_directory')",
            reader => values.AddRange([reader.GetValue(0).ToString()!, reader.GetString(1), reader.GetString(2)]),
            CancellationToken.None);

        Assert.Equal("1", values[0]);
        Assert.Equal("512.0 MiB", values[1]); // half the budget: 1 GiB less 768 MiB for one thread would be less
        Assert.Equal(scratch, values[2]);
    }

    [Fact]
    public void Sessions_with_default_resources_share_one_database_yet_never_see_each_others_tables()
    {
        using var first = DuckDbSession.Open(DuckDbSettings.From(new TransformSpec(), scratch));
        using var second = DuckDbSession.Open(DuckDbSettings.From(new TransformSpec(), scratch));
        first.Execute("CREATE TABLE counts AS SELECT 1 AS n", CancellationToken.None);
        second.Execute("CREATE TABLE counts AS SELECT 2 AS n", CancellationToken.None);
        using (var fork = first.Fork())
        {
            Assert.Equal(["1"], Values(fork, "SELECT n FROM counts"));
        }

        Assert.Equal(["2"], Values(second, "SELECT n FROM counts"));
        Assert.Equal(Values(first, "SELECT current_setting('temp_directory')"),
            Values(second, "SELECT current_setting('temp_directory')"));
        var firstSchema = Values(first, "SELECT current_schema()").Single();
        first.Dispose();
        Assert.Equal(["0"], Values(second, $"SELECT COUNT(*) FROM duckdb_schemas() WHERE schema_name = '{firstSchema}'"));
    }

    [Fact]
    public void After_its_quota_of_sessions_the_shared_database_is_replaced_once_its_open_sessions_end()
    {
        using var held = DuckDbSession.Open(DuckDbSettings.From(new TransformSpec(), scratch));
        held.Execute("CREATE TABLE marker AS SELECT 1 AS n", CancellationToken.None);
        var heldSchema = Values(held, "SELECT current_schema()").Single();
        for (var i = 0; i < SharedDuckDb.SessionsPerDatabase; i++)
        {
            using var passing = DuckDbSession.Open(DuckDbSettings.From(new TransformSpec(), scratch));
        }

        using var later = DuckDbSession.Open(DuckDbSettings.From(new TransformSpec(), scratch));

        // The held session still works on the old database, which the later one no longer sees.
        Assert.Equal(["1"], Values(held, "SELECT n FROM marker"));
        Assert.Equal(["0"], Values(later, $"SELECT COUNT(*) FROM duckdb_schemas() WHERE schema_name = '{heldSchema}'"));
    }

    [Fact]
    public void Each_shared_database_spills_to_a_folder_of_its_own_which_goes_with_it()
    {
        // DuckDB closing a database deletes every duckdb_temp_* file in a folder it did not create, so a replaced
        // database closing must not share its folder with the one still in use.
        var settings = DuckDbSettings.From(new TransformSpec(), scratch);
        string replaced;
        using (var held = DuckDbSession.Open(settings))
        {
            replaced = Values(held, "SELECT current_setting('temp_directory')").Single();
            for (var i = 0; i < SharedDuckDb.SessionsPerDatabase; i++)
            {
                using var passing = DuckDbSession.Open(settings);
            }

            using var later = DuckDbSession.Open(settings);
            var current = Values(later, "SELECT current_setting('temp_directory')").Single();
            Assert.NotEqual(replaced, current);
            Assert.StartsWith(SharedDuckDb.TempDirectory, current);
        }

        Assert.False(Directory.Exists(replaced));
    }

    [Fact]
    public void A_session_with_a_budget_gets_a_database_of_its_own()
    {
        using var shared = DuckDbSession.Open(DuckDbSettings.From(new TransformSpec(), scratch));
        using var own = DuckDbSession.Open(DuckDbSettings.From(new TransformSpec { MemoryLimit = "1GiB" }, scratch));

        Assert.Equal([scratch], Values(own, "SELECT current_setting('temp_directory')"));
        Assert.NotEqual([scratch], Values(shared, "SELECT current_setting('temp_directory')"));
    }

    private static List<string> Values(DuckDbSession session, string sql)
    {
        var values = new List<string>();
        session.Query(sql, reader => values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!),
            CancellationToken.None);
        return values;
    }

    [Theory]
    [InlineData("4GiB", 4L * 1024 * 1024 * 1024)]
    [InlineData("4GB", 4_000_000_000L)]
    [InlineData("1.5 GiB", 1536L * 1024 * 1024)]
    [InlineData("512MiB", 512L * 1024 * 1024)]
    [InlineData("300MB", 300_000_000L)]
    public void Memory_limit_is_read_with_decimal_and_binary_units(string limit, long bytes)
    {
        var settings = DuckDbSettings.From(new TransformSpec { MemoryLimit = limit }, scratch);

        Assert.Equal(bytes, settings.MemoryLimitBytes);
    }

    [Theory]
    [InlineData("4GiB", 2, 2560)]
    [InlineData("4GiB", 4, 2048)]
    [InlineData("16GiB", 4, 13312)]
    [InlineData("1GiB", 1, 512)]
    public void DuckDb_gets_the_budget_less_a_reserve_per_thread_but_at_least_half(string budget, int threads, long expectedMiB)
    {
        var settings = DuckDbSettings.From(new TransformSpec { MemoryLimit = budget, Threads = threads }, scratch);

        Assert.Equal(expectedMiB * 1024 * 1024, settings.DuckDbMemoryLimitBytes(processorCount: 64));
    }

    [Fact]
    public void Without_a_thread_setting_the_reserve_counts_one_thread_per_core()
    {
        var settings = DuckDbSettings.From(new TransformSpec { MemoryLimit = "8GiB" }, scratch);

        Assert.Equal((8192L - 2 * 768) * 1024 * 1024, settings.DuckDbMemoryLimitBytes(processorCount: 2));
    }

    [Theory]
    [InlineData("4")]
    [InlineData("4 gigabytes")]
    [InlineData("-1GB")]
    [InlineData("0B")]
    public void A_memory_limit_that_is_not_a_size_names_the_field(string limit)
    {
        var error = Assert.Throws<ArgumentException>(() => DuckDbSettings.From(new TransformSpec { MemoryLimit = limit }, scratch));

        Assert.Contains("spec.transform.memoryLimit", error.Message);
    }
}
