using System.Net;
using KafkaRecon.Operator.Kubernetes.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace KafkaRecon.Operator.Metrics;

/// <summary>
/// A minimal Kestrel server exposing one registry on <c>/metrics</c> (for <c>kafka-recon run --metrics-port</c>
/// and tests). Port 0 picks a free port; <see cref="Address"/> tells which.
/// </summary>
internal sealed class MetricsEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MetricsEndpoint(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Base address, e.g. <c>http://127.0.0.1:43121/</c>; metrics are at <c>metrics</c> below it.</summary>
    public Uri Address { get; }

    public Uri MetricsUri => new(Address, "metrics");

    public static async Task<MetricsEndpoint> StartAsync(
        CollectorRegistry registry, IPAddress bindAddress, int port, CancellationToken cancellationToken)
    {
        var builder = QuietWebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(bindAddress, port));
        var app = builder.Build();
        app.MapMetrics("/metrics", registry);
        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return new MetricsEndpoint(app, new Uri(bound.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
