using DuckDB.NET.Data;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines.Embedded;

namespace KafkaRecon.Tests.Engines.Embedded;

/// <summary>Counting the process's shared databases needs no other test opening sessions meanwhile.</summary>
[CollectionDefinition(nameof(SharedDuckDbLifetimeTests), DisableParallelization = true)]
public sealed class SharedDuckDbLifetimeCollection;

[Collection(nameof(SharedDuckDbLifetimeTests))]
public sealed class SharedDuckDbLifetimeTests : IDisposable
{
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "kafka-recon-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public void A_fork_that_fails_to_join_its_schema_does_not_keep_a_replaced_database_open()
    {
        var settings = DuckDbSettings.From(new TransformSpec(), scratch);
        Cycle(settings);
        var before = SharedDuckDb.LiveDatabases;
        using (var root = DuckDbSession.Open(settings))
        {
            root.Execute("DROP SCHEMA " + Schema(root) + " CASCADE", CancellationToken.None);
            Assert.ThrowsAny<DuckDBException>(() => root.Fork());
        }

        Cycle(settings);

        Assert.Equal(before, SharedDuckDb.LiveDatabases);
    }

    [Fact]
    public void Disposing_a_session_twice_or_its_fork_after_it_releases_the_database_once_each()
    {
        var settings = DuckDbSettings.From(new TransformSpec(), scratch);
        Cycle(settings);
        var before = SharedDuckDb.LiveDatabases;
        var root = DuckDbSession.Open(settings);
        var fork = root.Fork();
        root.Dispose();
        root.Dispose();
        fork.Dispose();
        fork.Dispose();

        Cycle(settings);

        Assert.Equal(before, SharedDuckDb.LiveDatabases);
        using var later = DuckDbSession.Open(settings);
        Assert.StartsWith("run_", Schema(later));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_replaced_shared_database_closing_leaves_the_spill_files_of_the_current_one_alone()
    {
        var settings = DuckDbSettings.From(new TransformSpec(), scratch);
        await Task.Run(() =>
        {
            var held = DuckDbSession.Open(settings);
            Spill(held);
            Cycle(settings);
            using var later = DuckDbSession.Open(settings);
            Spill(later);

            held.Dispose();

            var total = 0L;
            later.Query("SELECT CAST(SUM(length(s)) AS BIGINT) FROM big", reader => total = Convert.ToInt64(reader.GetValue(0),
                System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
            Assert.Equal(SpilledRows * 64L, total);
        });
        Cycle(settings); // the memory limit set here stays with the database it was set on
    }

    private const int SpilledRows = 3_000_000;

    /// <summary>A table of about 200 MB under a 64 MB limit on the session's database, so most of it is spilled.</summary>
    private static void Spill(DuckDbSession session)
    {
        session.Execute("SET memory_limit = '64MB'", CancellationToken.None);
        session.Execute(
            $"CREATE TABLE big AS SELECT md5(range::VARCHAR) || md5((range + 1)::VARCHAR) AS s FROM range({SpilledRows})",
            CancellationToken.None);
    }

    /// <summary>Enough sessions to replace the current shared database at least once.</summary>
    private static void Cycle(DuckDbSettings settings)
    {
        for (var i = 0; i <= SharedDuckDb.SessionsPerDatabase; i++)
        {
            using var passing = DuckDbSession.Open(settings);
        }
    }

    private static string Schema(DuckDbSession session)
    {
        var schema = "";
        session.Query("SELECT current_schema()", reader => schema = reader.GetString(0), CancellationToken.None);
        return schema;
    }
}
