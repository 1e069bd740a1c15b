using System.Text.Json;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Engines.Aws;
using KafkaRecon.Operator.Retention;
using KafkaRecon.Operator.Storage;
using Microsoft.Extensions.Time.Testing;

namespace KafkaRecon.Tests.Aws;

/// <summary>Retention on an s3:// output (moto): old runs' objects deleted, their Glue catalog tables dropped.</summary>
[Trait("Category", "Slow")]
[Collection(MotoCollection.Name)]
public sealed class S3RetentionSweepTests(MotoServer moto)
{
    [Fact]
    public async Task Old_runs_objects_and_catalog_tables_go_while_the_current_run_another_resource_and_reports_stay()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        var store = new S3ObjectStore(clients.S3);
        var output = $"s3://{bucket}/recon";
        string[] keys =
        [
            "recon/runs/nightly-20240101/tables/counts/part-0.parquet",
            "recon/runs/nightly-20240101/tables/_SUCCESS",
            "recon/runs/nightly-20240102-r2/tables/counts/part-0.parquet",
            "recon/runs/nightly-20240103/tables/counts/part-0.parquet",
            "recon/runs/other-20240101/tables/_SUCCESS",
            "recon/results/nightly-20240101_results.json",
            "recon/runs-old/nightly-20240101/tables/_SUCCESS",
        ];
        foreach (var key in keys)
        {
            await store.WriteAsync($"s3://{bucket}/{key}", new MemoryStream([1]), CancellationToken.None);
        }
        var database = $"db_{Guid.NewGuid():N}"[..16];
        await CreateDatabaseAsync(database);
        foreach (var runId in new[] { "nightly-20240101", "nightly-20240103" })
        {
            foreach (var table in RunLayout.Tables)
            {
                await CreateTableAsync(database, AthenaTableDefinitions.TableName(table, runId));
            }
        }
        var spec = new KafkaReconciliationSpec
        {
            Engine = EngineKind.Aws,
            Output = new OutputSpec { Location = output },
            Query = new QuerySpec { Database = database },
            Retention = new RetentionSpec { KeepRuns = "1d" },
        };
        // Every object was written just now; two days on, all are older than keepRuns.
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(2));
        var sweep = new RetentionSweep(store, new GlueRunCatalogTables(() => clients.Glue), later);

        var result = await sweep.ApplyAsync(spec, "nightly", "nightly-20240103", CancellationToken.None);

        Assert.NotNull(result);
        Assert.Empty(result.Errors);
        Assert.Equal(2, result.DeletedRuns);
        Assert.Equal(3, result.DeletedObjects);
        Assert.Equal(RunLayout.Tables.Count, result.DroppedTables);
        var left = await store.ListAsync($"s3://{bucket}/recon", CancellationToken.None)
            .Select(o => o.Location[$"s3://{bucket}/".Length..]).ToListAsync();
        Assert.Equal(
            [
                "recon/results/nightly-20240101_results.json",
                "recon/runs-old/nightly-20240101/tables/_SUCCESS",
                "recon/runs/nightly-20240103/tables/counts/part-0.parquet",
                "recon/runs/other-20240101/tables/_SUCCESS",
            ],
            left.Order(StringComparer.Ordinal));
        Assert.Equal(
            RunLayout.Tables.Select(t => AthenaTableDefinitions.TableName(t, "nightly-20240103")).Order(StringComparer.Ordinal),
            await TableNamesAsync(database));
    }

    [Fact]
    public async Task Deleting_a_table_already_gone_is_no_error()
    {
        using var clients = moto.Clients();
        var database = $"db_{Guid.NewGuid():N}"[..16];
        await CreateDatabaseAsync(database);
        await CreateTableAsync(database, "counts_x");

        Assert.True(await clients.Glue.DeleteTableAsync(database, "counts_x", CancellationToken.None));
        Assert.False(await clients.Glue.DeleteTableAsync(database, "counts_x", CancellationToken.None));
    }

    private Task CreateDatabaseAsync(string database) =>
        GlueAsync("CreateDatabase", new { DatabaseInput = new { Name = database } });

    private Task CreateTableAsync(string database, string table) =>
        GlueAsync("CreateTable", new { DatabaseName = database, TableInput = new { Name = table } });

    private async Task<IReadOnlyList<string>> TableNamesAsync(string database)
    {
        var response = await GlueAsync("GetTables", new { DatabaseName = database });
        return response.GetProperty("TableList").EnumerateArray()
            .Select(t => t.GetProperty("Name").GetString()!).Order(StringComparer.Ordinal).ToList();
    }

    private async Task<JsonElement> GlueAsync(string operation, object request)
    {
        var options = moto.Options();
        using var http = new HttpClient();
        var glue = new AwsJsonTransport(AwsService.Glue, options, new AwsCredentialSource(options), http);
        return await glue.InvokeAsync<object, JsonElement>(operation, request, CancellationToken.None);
    }
}
