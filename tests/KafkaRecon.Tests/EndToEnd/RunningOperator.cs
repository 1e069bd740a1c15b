using KafkaRecon.ApiServer;
using KafkaRecon.Operator.Composition;
using KafkaRecon.Operator.Kubernetes.Hosting;
using KafkaRecon.Operator.Kubernetes.Leadership;
using KafkaRecon.Operator.Kubernetes.Watching;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Tests.ApiServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace KafkaRecon.Tests.EndToEnd;

/// <summary>The real operator host (driver, embedded DuckDB engines) in-process against an <see cref="ApiTestServer"/>.</summary>
internal sealed class RunningOperator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private RunningOperator(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public static async Task<RunningOperator> StartAsync(
        ApiTestServer server, Action<IServiceCollection>? overrides = null, LeaderElectionOptions? leaderElection = null,
        int workers = 2, int? maxConcurrentRuns = null)
    {
        var options = new OperatorOptions
        {
            Scope = new WatchScope([TestApiServer.Namespace]),
            Workers = workers,
            MaxConcurrentRuns = maxConcurrentRuns,
            Port = 0,
            BindAddress = "127.0.0.1",
            GracePeriod = TimeSpan.FromMilliseconds(200),
            LeaderElection = leaderElection ?? new LeaderElectionOptions(),
            Watch = new WatchOptions
            {
                Timeout = TimeSpan.FromSeconds(20),
                StallGrace = TimeSpan.FromSeconds(2),
                InitialBackoff = TimeSpan.FromMilliseconds(50),
                MaxBackoff = TimeSpan.FromMilliseconds(300),
            },
        };
        var app = OperatorHost.Build(options, new k8s.Kubernetes(server.ClientConfiguration()), services =>
        {
            services.AddKafkaReconReconciliation();
            overrides?.Invoke(services);
        });
        await app.StartAsync();
        return new RunningOperator(app);
    }

    /// <summary>Stops the host like a killed pod would stop reconciling: in-flight work is cancelled after a short grace.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
