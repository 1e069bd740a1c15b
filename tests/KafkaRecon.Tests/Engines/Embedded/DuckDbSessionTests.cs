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
