using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using KafkaRecon.Operator.Composition;
using KafkaRecon.Operator.Kubernetes.Hosting;
using KafkaRecon.Operator.Kubernetes.Leadership;
using KafkaRecon.Operator.Kubernetes.Watching;
using KafkaRecon.Entities.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KafkaRecon.Operator.Cli;

/// <summary><c>kafka-recon operator</c>: run the controller against a cluster.</summary>
internal static partial class OperatorCommand
{
    public static Command Create()
    {
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Path of a kubeconfig; default: in-cluster config, else ~/.kube/config." };
        var context = new Option<string?>("--context") { Description = "Kubeconfig context to use." };
        var server = new Option<string?>("--server") { Description = "API server URL without authentication (tests)." };
        var namespaces = new Option<string?>("--namespaces") { Description = "Comma-separated namespaces to watch; default: all namespaces." };
        var workers = new Option<int>("--workers") { Description = "Resources reconciled in parallel.", DefaultValueFactory = _ => 2 };
        var firstAnswerWorkers = new Option<int>("--first-answer-workers")
        {
            Description = "Extra workers that only give new resources their first status, so a burst of creates is answered at once.",
            DefaultValueFactory = _ => OperatorOptions.DefaultFirstAnswerWorkers,
        };
        var maxConcurrentRuns = new Option<int?>("--max-concurrent-runs")
        {
            Description = "Embedded phases run at once, off the workers; default: one per CPU of the pod, at most one per 512 MiB of its memory above 256 MiB.",
        };
        var leaderElect = new Option<bool>("--leader-elect") { Description = "Run workers only while holding the Lease." };
        var leaseNamespace = new Option<string>("--lease-namespace")
        {
            Description = "Namespace of the Lease; default: $POD_NAMESPACE, else 'default'.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("POD_NAMESPACE") is { Length: > 0 } ns ? ns : "default",
        };
        var leaseName = new Option<string>("--lease-name") { Description = "Name of the Lease.", DefaultValueFactory = _ => LeaderElectionOptions.DefaultLeaseName };
        var leaseDuration = DurationOption("--lease-duration", "How long a Lease is valid without renewal.", "15s");
        var renewDeadline = DurationOption("--renew-deadline", "How long the leader retries renewing before giving up.", "10s");
        var retryPeriod = DurationOption("--retry-period", "Interval between Lease acquire/renew attempts.", "2s");
        var port = new Option<int>("--port") { Description = "Port serving /healthz, /readyz and /metrics.", DefaultValueFactory = _ => 8080 };
        var logFormat = new Option<LogFormat>("--log-format") { Description = "Log output: text or json.", DefaultValueFactory = _ => LogFormat.Text };
        var gracePeriod = DurationOption("--grace-period", "Time in-flight reconciles get to finish after SIGTERM.", "20s");
        var watchTimeout = DurationOption("--watch-timeout", "Server-side timeout of each WATCH request (< 10m).", "5m");
        var awsEndpoint = AwsEndpointOption.Create();
        var jobRunner = new JobRunnerOptions();

        var command = new Command("operator", "Run the KafkaReconciliation controller.")
        {
            kubeconfig, context, server, namespaces, workers, firstAnswerWorkers, leaderElect, leaseNamespace, leaseName, leaseDuration,
            renewDeadline, retryPeriod, port, logFormat, gracePeriod, watchTimeout, awsEndpoint, maxConcurrentRuns,
        };
        foreach (var option in jobRunner.All)
        {
            command.Options.Add(option);
        }
        maxConcurrentRuns.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } count and < 1)
            {
                result.AddError($"--max-concurrent-runs must be at least 1, got {count}.");
            }
        });
        workers.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var count and < 1)
            {
                result.AddError($"--workers must be at least 1, got {count}.");
            }
        });
        firstAnswerWorkers.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var count and (< 0 or > 64))
            {
                result.AddError($"--first-answer-workers must be between 0 and 64, got {count}.");
            }
        });
        watchTimeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<TimeSpan>() is var timeout && timeout >= TimeSpan.FromMinutes(10))
            {
                result.AddError($"--watch-timeout must be below 10m (proxies cut idle streams), got {timeout}.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new OperatorOptions
            {
                Connection = new KubeConnectionOptions(parse.GetValue(kubeconfig), parse.GetValue(context), parse.GetValue(server)),
                Scope = new WatchScope(SplitNamespaces(parse.GetValue(namespaces))),
                Workers = parse.GetValue(workers),
                FirstAnswerWorkers = parse.GetValue(firstAnswerWorkers),
                MaxConcurrentRuns = parse.GetValue(maxConcurrentRuns),
                LeaderElection = new LeaderElectionOptions
                {
                    Enabled = parse.GetValue(leaderElect),
                    LeaseNamespace = parse.GetValue(leaseNamespace)!,
                    LeaseName = parse.GetValue(leaseName)!,
                    LeaseDuration = parse.GetValue(leaseDuration),
                    RenewDeadline = parse.GetValue(renewDeadline),
                    RetryPeriod = parse.GetValue(retryPeriod),
                },
                Port = parse.GetValue(port),
                LogFormat = parse.GetValue(logFormat),
                GracePeriod = parse.GetValue(gracePeriod),
                Watch = new WatchOptions { Timeout = parse.GetValue(watchTimeout) },
            };
            var aws = new Aws.AwsSettings(parse.GetValue(awsEndpoint));
            await using var app = OperatorComposition.Build(options, aws, jobRunner.Settings(parse, aws.Endpoint));
            await app.StartAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            return app.Services.GetRequiredService<OperatorLifetime>().ExitCode;
        });
        return command;
    }

    private static string[] SplitNamespaces(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Option<TimeSpan> DurationOption(string name, string description, string defaultValue) => new(name)
    {
        Description = $"{description} Go-style duration such as 500ms, 15s, 2m.",
        DefaultValueFactory = _ => ParseDuration(defaultValue)!.Value,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (ParseDuration(text) is { } parsed)
            {
                return parsed;
            }
            result.AddError($"{name} expects a duration such as 500ms, 15s or 2m; got '{text}'.");
            return TimeSpan.Zero;
        },
    };

    internal static TimeSpan? ParseDuration(string text) =>
        DurationParser.TryParse(text.Trim(), out var duration) ? duration : null;
}
