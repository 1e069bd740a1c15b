using KafkaRecon.Operator.Composition;
using k8s;
using KafkaRecon.Operator.Kubernetes.Hosting;
using KafkaRecon.Operator.Kubernetes.Leadership;
using KafkaRecon.Operator.Kubernetes.Watching;
using KafkaRecon.Operator.Reconciliation;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace KafkaRecon.Tests.RealApiServer;

/// <summary>
/// The real operator host (driver, embedded engines) in-process, talking to the <see cref="ControlPlane"/> with the
/// identity and address of <paramref name="configuration"/> and serving /readyz and /metrics on a free port.
/// </summary>
internal sealed class RealOperator : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly WebApplication _app;
    private bool _stopped;

    private RealOperator(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public string Url => _app.Urls.First();

    public static async Task<RealOperator> StartAsync(
        KubernetesClientConfiguration configuration,
        string namespaceName,
        LeaderElectionOptions? leaderElection = null,
        Action<IServiceCollection>? overrides = null,
        DelegatingHandler? handler = null,
        TimeSpan? watchTimeout = null)
    {
        var options = new OperatorOptions
        {
            Scope = new WatchScope([namespaceName]),
            Workers = 2,
            Port = 0,
            BindAddress = "127.0.0.1",
            GracePeriod = TimeSpan.FromMilliseconds(500),
            LeaderElection = leaderElection ?? new LeaderElectionOptions(),
            Watch = new WatchOptions
            {
                Timeout = watchTimeout ?? TimeSpan.FromSeconds(30),
                StallGrace = TimeSpan.FromSeconds(5),
                InitialBackoff = TimeSpan.FromMilliseconds(100),
                MaxBackoff = TimeSpan.FromSeconds(1),
            },
        };
        var app = OperatorHost.Build(options,
            handler is null ? new k8s.Kubernetes(configuration) : new k8s.Kubernetes(configuration, handler), services =>
        {
            services.AddKafkaReconReconciliation();
            overrides?.Invoke(services);
        });
        await app.StartAsync();
        return new RealOperator(app);
    }

    public async Task<(int Status, string Body)> ReadyzAsync()
    {
        using var response = await Http.GetAsync($"{Url}/readyz");
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

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
