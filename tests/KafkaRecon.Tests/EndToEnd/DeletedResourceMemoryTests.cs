using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Tests.ApiServer;
using KafkaRecon.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KafkaRecon.Tests.EndToEnd;

/// <summary>
/// A long-running operator sees resources come and go every night (a schedule creates them, its history limit deletes
/// them): what it keeps in memory per resource must go with the resource. The answer to the patch that removes the
/// finalizer races with the Deleted event; before writes of deleting objects forgot the resource, about one run in two
/// kept one of ten resources remembered for ever.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DeletedResourceMemoryTests : IDisposable
{
    private const int Resources = 10;
    private readonly GeneratedDataset _dataset = new(records: 200);

    [Fact]
    public async Task Deleted_resources_leave_no_remembered_writes_behind()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        using var kubectl = new Kubectl(server);
        await using var running = await RunningOperator.StartAsync(server);
        var names = Enumerable.Range(0, Resources).Select(i => $"nightly-{i}").ToList();
        foreach (var name in names)
        {
            var (exit, output, error) = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile($"{name}.yaml", _dataset.ResourceYaml(name)));
            Assert.True(exit == 0, output + error);
        }
        foreach (var name in names)
        {
            await client.WaitForAsync(name, r => r.IsFinished(), "finishes");
        }

        foreach (var name in names)
        {
            var (exit, output, error) = await kubectl.RunAsync("delete", "krecon", name, "--wait=false");
            Assert.True(exit == 0, output + error);
        }
        foreach (var name in names)
        {
            await Poll.UntilAsync(async () => await client.TryGetAsync(name) is null, $"{name} is gone", TimeSpan.FromSeconds(30));
        }

        var ownWrites = running.Services.GetRequiredService<OwnWrites>();
        await Poll.ForAsync(() => Task.FromResult(ownWrites.Count == 0 ? "forgotten" : null),
            () => $"the operator forgets the writes of the deleted resources (still remembered for {ownWrites.Count})",
            TimeSpan.FromSeconds(5));
    }

    public void Dispose() => _dataset.Dispose();
}
