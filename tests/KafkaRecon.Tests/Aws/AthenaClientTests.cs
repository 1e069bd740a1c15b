using System.Text;
using System.Text.Json;
using KafkaRecon.Operator.Aws;

namespace KafkaRecon.Tests.Aws;

[Trait("Category", "Slow")]
[Collection(MotoCollection.Name)]
public sealed class AthenaClientTests(MotoServer moto) : IAsyncLifetime
{
    private static readonly string Token = new('a', 40);

    public Task InitializeAsync() => moto.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Query_runs_to_success_and_returns_injected_rows_without_the_header()
    {
        await MotoAthena.InjectResultsAsync(moto, ["name", "total"], [["a", "1"], ["b", "2"]]);
        using var clients = moto.Clients();

        var id = await clients.Athena.StartQueryExecutionAsync(
            new StartQueryExecutionRequest("SELECT 1", Token, ResultConfiguration: new ResultConfiguration("s3://athena-out/q/")),
            CancellationToken.None);
        var state = await MotoAthena.WaitForTerminalStateAsync(clients.Athena, id);
        var table = await clients.Athena.GetAllQueryResultsAsync(id, CancellationToken.None);

        Assert.Equal(AthenaQueryState.Succeeded, state);
        Assert.Equal(["name", "total"], table.Columns);
        Assert.Equal([["a", "1"], ["b", "2"]], table.Rows.Select(r => r.ToArray()).ToArray());
    }

    [Fact]
    public async Task Results_are_read_across_every_page()
    {
        // moto returns one page; the proxy serves a first page with a token and lets moto answer the second.
        await MotoAthena.InjectResultsAsync(moto, ["n"], [["page-two"]]);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.Answer(
            r => r.Operation == "GetQueryResults" && !r.Body.Contains("NextToken"),
            _ => """
                 {"ResultSet": {"Rows": [{"Data": [{"VarCharValue": "n"}]}, {"Data": [{"VarCharValue": "page-one"}]}],
                  "ResultSetMetadata": {"ColumnInfo": [{"Name": "n", "Type": "varchar"}]}}, "NextToken": "p2"}
                 """);
        using var clients = moto.Clients(proxy.Endpoint);
        var id = await clients.Athena.StartQueryExecutionAsync(new StartQueryExecutionRequest("SELECT n", Token), CancellationToken.None);
        await MotoAthena.WaitForTerminalStateAsync(clients.Athena, id);

        var table = await clients.Athena.GetAllQueryResultsAsync(id, CancellationToken.None);

        // moto repeats its header row on the second page too; real Athena does not, and keeps the data row.
        Assert.Equal(["page-one", "n", "page-two"], table.Rows.Select(r => r[0] ?? "").ToArray());
        Assert.Equal(2, proxy.Count("GetQueryResults"));
    }

    [Fact]
    public async Task Start_sends_token_workgroup_database_and_output_location()
    {
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        using var clients = moto.Clients(proxy.Endpoint);

        await Assert.ThrowsAsync<AwsServiceException>(() => clients.Athena.StartQueryExecutionAsync(
            new StartQueryExecutionRequest("SELECT 1", Token, "recon", new QueryExecutionContext("manifestetl"),
                new ResultConfiguration("s3://out/athena/")),
            CancellationToken.None));

        using var sent = JsonDocument.Parse(proxy.Requests.Single(r => r.Operation == "StartQueryExecution").Body);
        var root = sent.RootElement;
        Assert.Equal(Token, root.GetProperty("ClientRequestToken").GetString());
        Assert.Equal("recon", root.GetProperty("WorkGroup").GetString());
        Assert.Equal("manifestetl", root.GetProperty("QueryExecutionContext").GetProperty("Database").GetString());
        Assert.Equal("s3://out/athena/", root.GetProperty("ResultConfiguration").GetProperty("OutputLocation").GetString());
    }

    [Fact]
    public async Task Token_shorter_than_32_characters_is_refused_before_any_call()
    {
        using var clients = moto.Clients();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            clients.Athena.StartQueryExecutionAsync(new StartQueryExecutionRequest("SELECT 1", "short"), CancellationToken.None));

        Assert.Contains("32-128", error.Message);
    }

    [Fact]
    public async Task Stopped_query_is_cancelled()
    {
        using var clients = moto.Clients();
        var id = await clients.Athena.StartQueryExecutionAsync(new StartQueryExecutionRequest("SELECT 1", Token), CancellationToken.None);

        await clients.Athena.StopQueryExecutionAsync(id, CancellationToken.None);
        var execution = await clients.Athena.GetQueryExecutionAsync(id, CancellationToken.None);

        Assert.Equal(AthenaQueryState.Cancelled, execution.Status.State);
    }
}

/// <summary>Athena helpers for moto: injected results (moto does not execute SQL) and bounded waiting.</summary>
internal static class MotoAthena
{
    public static async Task InjectResultsAsync(
        MotoServer moto, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string?>> rows) =>
        await InjectManyAsync(moto, [(columns, rows)]);

    public static async Task InjectManyAsync(
        MotoServer moto, IEnumerable<(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows)> results)
    {
        static object Row(IEnumerable<string?> values) =>
            new { Data = values.Select(v => v is null ? (object)new { } : new { VarCharValue = v }).ToArray() };
        var body = new
        {
            region = MotoServer.Region,
            results = results.Select(r => new
            {
                rows = new[] { Row(r.Columns) }.Concat(r.Rows.Select(Row)).ToArray(),
                column_info = r.Columns.Select(c => new { Name = c, Type = "varchar" }).ToArray(),
            }).ToArray(),
        };
        using var response = await moto.Http.PostAsync(
            new Uri(moto.Endpoint, "moto-api/static/athena/query-results"),
            new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    public static async Task<string> WaitForTerminalStateAsync(AthenaClient athena, string id)
    {
        for (var i = 0; i < 50; i++)
        {
            var state = (await athena.GetQueryExecutionAsync(id, CancellationToken.None)).Status.State;
            if (AthenaQueryState.IsTerminal(state))
            {
                return state;
            }
        }
        throw new TimeoutException($"Athena query {id} did not finish within 50 describes.");
    }
}
