using k8s;
using KafkaRecon.Operator.Reconciliation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace KafkaRecon.Operator.Kubernetes.Hosting;

/// <summary>The operator process: generic host with Kestrel serving /healthz, /readyz and /metrics.</summary>
internal static class OperatorHost
{
    public static WebApplication Build(OperatorOptions options, Action<IServiceCollection> addReconciler)
    {
        var client = new k8s.Kubernetes(options.Connection.ToClientConfiguration());
        return Build(options, client, addReconciler);
    }

    public static WebApplication Build(
        OperatorOptions options, IKubernetes client, Action<IServiceCollection> addReconciler)
    {
        var builder = QuietWebApplication.CreateBuilder();
        builder.WebHost.UseUrls($"http://{options.BindAddress}:{options.Port}");
        ConfigureLogging(builder.Logging, options.LogFormat);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.GracePeriod + TimeSpan.FromSeconds(5));
        builder.Services.AddKafkaReconOperator(options, client);
        addReconciler(builder.Services);
        if (builder.Services.All(service => service.ServiceType != typeof(IReconciler)))
        {
            throw new InvalidOperationException(
                "No IReconciler is registered: the operator host needs the reconciliation driver to run resources.");
        }

        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", (ReadinessProbe probe) =>
        {
            var (ready, detail) = probe.Check();
            return ready ? Results.Text(detail) : Results.Text(detail, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        app.MapMetrics();
        return app;
    }

    private static void ConfigureLogging(ILoggingBuilder logging, LogFormat format)
    {
        logging.ClearProviders();
        // Logs go to stderr only, as in the CLI; stdout is left for requested output.
        logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        if (format == LogFormat.Json)
        {
            logging.AddJsonConsole(json =>
            {
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                json.UseUtcTimestamp = true;
            });
        }
        else
        {
            logging.AddSimpleConsole(text =>
            {
                text.SingleLine = true;
                text.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                text.UseUtcTimestamp = true;
            });
        }
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // The HTTP client factory logs each request's URL at Information; the Slack webhook's path is a credential.
        logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
    }
}
