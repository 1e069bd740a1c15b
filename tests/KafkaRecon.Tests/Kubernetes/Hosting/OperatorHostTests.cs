using System.Net;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Kubernetes.Hosting;
using KafkaRecon.Operator.Kubernetes.Watching;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Tests.Kubernetes.Support;
using KafkaRecon.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static KafkaRecon.Tests.Kubernetes.Support.Resources;

namespace KafkaRecon.Tests.Kubernetes.Hosting;

public sealed class OperatorHostTests : IAsyncLifetime
{
    private const string Ns = "team-a";
    private ScriptedApiStub stub = null!;
    private WebApplication? app;
    private readonly HttpClient http = new();

    public async Task InitializeAsync() => stub = await ScriptedApiStub.StartAsync();

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        await stub.DisposeAsync();
        http.Dispose();
    }

    [Fact]
    public async Task Listed_resources_are_reconciled_and_readiness_follows_the_watch()
    {
        var reconciler = new RecordingReconciler();
        OnListAndWatch(Respond.Status(500, "InternalError"), Respond.Json(List("10", Item("daily"))));
        stub.On("GET", r => r.Path == Resources.Item(Ns, "daily"), Respond.Json(Item("daily")));

        await StartAsync(reconciler);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Url("/healthz"))).StatusCode);
        await Poll.UntilAsync(() => !reconciler.Reconciled.IsEmpty, "a reconcile");
        Assert.Equal("daily", reconciler.Reconciled.First().Metadata.Name);
        await Poll.UntilAsync(async () => await Ready() == HttpStatusCode.OK, "ready after the watch is live");
    }

    [Fact]
    public async Task A_resource_announced_by_a_watch_event_is_reconciled()
    {
        var reconciler = new RecordingReconciler();
        stub.On("GET", r => r.Path == Collection(Ns) && r.Query["watch"] != "true", Respond.Json(List("10")));
        stub.On("GET", r => r.Path == Collection(Ns) && r.Query["watch"] == "true",
            Respond.Watch([Respond.Event("ADDED", Item("weekly"))], holdOpen: true));
        stub.On("GET", r => r.Path == Resources.Item(Ns, "weekly"), Respond.Json(Item("weekly")));

        await StartAsync(reconciler);

        await Poll.UntilAsync(() => !reconciler.Reconciled.IsEmpty, "a reconcile");
        Assert.Equal("weekly", reconciler.Reconciled.First().Metadata.Name);
    }

    [Fact]
    public void The_host_watches_no_configuration_files_below_the_working_directory()
    {
        // The default host watched appsettings*.json under the working directory recursively: one inotify watch per
        // folder below it (1,084 from the repository's root), the whole tree when started from / or a home folder.
        app = OperatorHost.Build(Options(TimeSpan.FromSeconds(5)), stub.Client(),
            services => services.AddSingleton<IReconciler>(new RecordingReconciler()));

        var files = ((IConfigurationRoot)app.Configuration).Providers.OfType<FileConfigurationProvider>().ToList();
        Assert.All(files, file => Assert.False(file.Source.ReloadOnChange, $"{file.Source.Path} is watched for changes"));
        Assert.Equal(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory),
            Path.TrimEndingDirectorySeparator(app.Environment.ContentRootPath));
    }

    [Fact]
    public async Task Readiness_fails_while_the_watch_is_not_live()
    {
        OnListAndWatch(Respond.Status(500, "InternalError"));

        await StartAsync(new RecordingReconciler());

        await Poll.UntilAsync(() => stub.Requests.Count(r => r.Path == Collection(Ns)) >= 1, "a list attempt");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Ready());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Url("/healthz"))).StatusCode);
    }

    [Fact]
    public async Task Metrics_are_served_in_prometheus_text_format()
    {
        OnListAndWatch(Respond.Json(List("10")));

        await StartAsync(new RecordingReconciler());

        var response = await http.GetAsync(Url("/metrics"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Shutdown_lets_an_in_flight_reconcile_finish_within_the_grace_period()
    {
        var reconciler = new BlockingReconciler();
        OnListAndWatch(Respond.Json(List("10", Item("daily"))));
        stub.On("GET", r => r.Path == Resources.Item(Ns, "daily"), Respond.Json(Item("daily")));
        await StartAsync(reconciler, grace: TimeSpan.FromSeconds(30));
        await reconciler.Started.Task.WaitAsync(TimeSpan.FromSeconds(15));

        var stopping = app!.StopAsync();
        Assert.False(stopping.IsCompleted);
        reconciler.Release.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.True(reconciler.Completed);
        Assert.False(reconciler.SawCancellation);
    }

    [Fact]
    public async Task Shutdown_cancels_reconciles_still_running_when_the_grace_period_ends()
    {
        var reconciler = new BlockingReconciler();
        OnListAndWatch(Respond.Json(List("10", Item("daily"))));
        stub.On("GET", r => r.Path == Resources.Item(Ns, "daily"), Respond.Json(Item("daily")));
        await StartAsync(reconciler, grace: TimeSpan.FromMilliseconds(200));
        await reconciler.Started.Task.WaitAsync(TimeSpan.FromSeconds(15));

        await app!.StopAsync().WaitAsync(TimeSpan.FromSeconds(15));

        await Poll.UntilAsync(() => reconciler.SawCancellation, "the reconcile to see cancellation");
    }

    [Fact]
    public async Task With_leader_election_a_standby_that_reaches_the_api_server_is_ready_but_does_not_watch()
    {
        const string leasePath = "/apis/coordination.k8s.io/v1/namespaces/ops/leases/kafka-recon-leader";
        stub.On("GET", r => r.Path == leasePath, Respond.Json(new k8s.Models.V1Lease
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = "kafka-recon-leader", NamespaceProperty = "ops", ResourceVersion = "3" },
            Spec = new k8s.Models.V1LeaseSpec
            {
                HolderIdentity = "other-replica",
                LeaseDurationSeconds = 15,
                AcquireTime = DateTime.UtcNow,
                RenewTime = DateTime.UtcNow,
            },
        }));
        OnListAndWatch(Respond.Json(List("10", Item("daily"))));
        var options = Options(TimeSpan.FromSeconds(1)) with
        {
            LeaderElection = new KafkaRecon.Operator.Kubernetes.Leadership.LeaderElectionOptions
            {
                Enabled = true,
                LeaseNamespace = "ops",
                RetryPeriod = TimeSpan.FromMilliseconds(100),
            },
        };
        app = OperatorHost.Build(options, stub.Client(), services => services.AddSingleton<IReconciler>(new RecordingReconciler()));
        await app.StartAsync();

        await Poll.UntilAsync(() => stub.Matching("GET", r => r.Path == leasePath).Count() >= 2, "lease polled");
        Assert.Equal(HttpStatusCode.OK, await Ready());
        Assert.Empty(stub.Matching("GET", r => r.Path == Collection(Ns)));
    }

    [Fact]
    public void Host_refuses_to_start_without_a_reconciler()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            OperatorHost.Build(Options(TimeSpan.FromSeconds(1)), stub.Client(), _ => { }));
        Assert.Contains("IReconciler", error.Message);
    }

    private async Task StartAsync(IReconciler reconciler, TimeSpan? grace = null)
    {
        app = OperatorHost.Build(Options(grace ?? TimeSpan.FromSeconds(5)), stub.Client(),
            services => services.AddSingleton(reconciler));
        await app.StartAsync();
    }

    private static OperatorOptions Options(TimeSpan grace) => new()
    {
        Scope = new WatchScope([Ns]),
        Workers = 2,
        Port = 0,
        BindAddress = "127.0.0.1",
        GracePeriod = grace,
        Watch = new WatchOptions { InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(200) },
    };

    private void OnListAndWatch(params Responder[] list)
    {
        stub.On("GET", r => r.Path == Collection(Ns) && r.Query["watch"] != "true", list);
        stub.On("GET", r => r.Path == Collection(Ns) && r.Query["watch"] == "true", Respond.Watch([], holdOpen: true));
    }

    private static KafkaReconciliation Item(string name) => SampleResource(Ns, name, "9", finalizers: WellKnown.Finalizer);

    private string Url(string path) => app!.Urls.First() + path;

    private async Task<HttpStatusCode> Ready() => (await http.GetAsync(Url("/readyz"))).StatusCode;

    private sealed class BlockingReconciler : IReconciler
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Completed { get; private set; }

        public bool SawCancellation { get; private set; }

        public async Task<ReconcileOutcome> ReconcileAsync(KafkaReconciliation resource, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            try
            {
                await Release.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                SawCancellation = true;
                throw;
            }
            Completed = true;
            return ReconcileOutcome.Done;
        }

        public Task CancelAsync(KafkaReconciliation resource, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
