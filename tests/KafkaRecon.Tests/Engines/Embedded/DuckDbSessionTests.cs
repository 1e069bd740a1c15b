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

    [Fact]
    public void Settings_are_applied_to_the_session()
    {
        using var session = DuckDbSession.Open(new DuckDbSettings(1, "300MB", scratch));
        var values = new List<string>();

        session.Query("SELECT current_setting('threads'), current_setting('memory_limit'), current_setting('temp_directory')",
            reader => values.AddRange([reader.GetValue(0).ToString()!, reader.GetString(1), reader.GetString(2)]),
            CancellationToken.None);

        Assert.Equal("1", values[0]);
        Assert.Contains("MiB", values[1]);
        Assert.Equal(scratch, values[2]);
    }
}
