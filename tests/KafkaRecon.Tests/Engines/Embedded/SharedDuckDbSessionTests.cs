using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines.Embedded;

namespace KafkaRecon.Tests.Engines.Embedded;

/// <summary>
/// Sessions sharing the process's database. They run with no other test opening sessions meanwhile: another test's
/// sessions could fill the database's quota between two of these, so two sessions opened back to back would land on
/// different databases.
/// </summary>
[Collection(nameof(SharedDuckDbLifetimeTests))]
public sealed class SharedDuckDbSessionTests : IDisposable
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

    private static List<string> Values(DuckDbSession session, string sql)
    {
        var values = new List<string>();
        session.Query(sql, reader => values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!),
            CancellationToken.None);
        return values;
    }
}
