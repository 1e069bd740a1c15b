using KafkaRecon.ApiServer;
using KafkaRecon.ApiServer.Faults;
using KafkaRecon.Entities;
using KafkaRecon.Tests.ApiServer;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.EndToEnd;

[Trait("Category", "Slow")]
public sealed class WatchFaultTests : IDisposable
{
    private readonly GeneratedDataset _dataset = new(records: 300);

    [Theory]
    [InlineData(WatchFault.Dropped)]
    [InlineData(WatchFault.Stalled)]
    [InlineData(WatchFault.ExpiredInStream)]
    [InlineData(WatchFault.ExpiredHttp)]
    public async Task Resource_created_during_a_watch_fault_is_still_reconciled_once_at_a_time(WatchFault fault)
    {
        var probe = new ConcurrencyProbe();
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        using var kubectl = new Kubectl(server);
        await using var running = await RunningOperator.StartAsync(server, probe.Register);
        await Apply(kubectl, "before");
        await client.WaitForAsync("before", r => r.IsFinished(), "finishes before the fault");
        await Poll.UntilAsync(() => server.Faults.OpenWatchCount > 0, "the operator watches");

        var watchesBefore = server.Requests.All.Count(r => r.Query.Contains("watch=", StringComparison.Ordinal));
        Inject(server, fault);
        await Apply(kubectl, "during");

        await client.WaitForAsync("during", r => r.IsFinished(), $"finishes although the watch was {fault}");
        Assert.True(server.Requests.All.Count(r => r.Query.Contains("watch=", StringComparison.Ordinal)) > watchesBefore,
            "the operator opened a new watch");
        if (fault == WatchFault.ExpiredHttp)
        {
            Assert.Contains(server.Requests.All, r => r.StatusCode == 410);
        }

        Assert.Equal(1, probe.Peak("before"));
        Assert.Equal(1, probe.Peak("during"));
    }

    private static void Inject(ApiTestServer server, WatchFault fault)
    {
        switch (fault)
        {
            case WatchFault.Dropped:
                server.Faults.DropWatches(abortConnection: true);
                break;
            case WatchFault.Stalled:
                server.Faults.StallWatches();
                break;
            case WatchFault.ExpiredInStream or WatchFault.ExpiredHttp:
                server.Faults.ExpiryForm = fault == WatchFault.ExpiredHttp ? WatchExpiryForm.HttpGone : WatchExpiryForm.InStreamError;
                server.Faults.ExpireNextWatches(1);
                server.Faults.DropWatches();
                break;
        }
    }

    private async Task Apply(Kubectl kubectl, string name)
    {
        var (exit, output, error) = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile($"{name}.yaml", _dataset.ResourceYaml(name)));
        Assert.True(exit == 0, output + error);
    }

    public void Dispose() => _dataset.Dispose();
}
