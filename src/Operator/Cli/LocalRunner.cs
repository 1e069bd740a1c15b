using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Entities.Validation;
using KafkaRecon.Operator.Composition;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace KafkaRecon.Operator.Cli;

/// <summary>Checks a resource, runs it to completion with the in-process driver, and prints it.</summary>
internal static class LocalRunner
{
    public static async Task<KafkaReconciliation> ExecuteAsync(
        KafkaReconciliation resource, LocalRunOptions options, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken)
    {
        // The spec rules first: the folder checks below would trip over an empty or NUL-bearing location.
        var problems = SpecValidator.Validate(resource).Select(e => e.ToString()).ToList();
        if (problems.Count == 0)
        {
            problems.AddRange(LocationCheck.Problems(resource.Spec));
        }
        if (problems.Count > 0)
        {
            throw new InvalidResourceException(string.Join(Environment.NewLine, problems));
        }
        PrepareMetadata(resource);

        var state = options.StateFile is { } stateFile ? new RunStateFile(stateFile) : null;
        state?.Resume(resource);

        var time = TimeProvider.System;
        // Every log line goes to stderr: stdout carries only the requested output (--output json must parse).
        using var logging = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Warning)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(console => console.SingleLine = true));
        await using var composition = await RunComposition.StartAsync(
            time, logging, options.MetricsPort, options.AwsEndpoint, cancellationToken);
        if (composition.MetricsUri is { } metricsUri)
        {
            await stderr.WriteLineAsync($"metrics: {metricsUri}");
        }
        var status = state is null ? new InMemoryStatusSink() : (Reconciliation.IStatusSink)state;
        var driver = composition.CreateDriver(new ProgressReporter(Console(stderr), time), status,
            options.SlackWebhookFile, options.SlackSuccessWebhookFile, options.SlackFailureWebhookFile);

        var finished = await new LocalRun(driver, time, options.PollInterval)
            .DriveToCompletionAsync(resource, cancellationToken);
        if (finished.Status?.NextCheckTime is { } recheck)
        {
            await stderr.WriteLineAsync(
                $"recheck: the next comparison (spec.recheck) is due at {recheck.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}; " +
                "kafka-recon run does not wait for it: run again then" +
                (options.StateFile is null ? " with --state-file to keep the checks" : " with the same --state-file"));
        }
        Print(finished, options.Output, stdout);
        if (composition.MetricsUri is not null && options.MetricsLinger > TimeSpan.Zero)
        {
            await Task.Delay(options.MetricsLinger, time, cancellationToken);
        }
        return finished;
    }

    /// <summary>
    /// A file resource has no server-assigned identity; give it a stable one (keys derive from it). Its name was
    /// checked by <see cref="SpecValidator"/>.
    /// </summary>
    private static void PrepareMetadata(KafkaReconciliation resource)
    {
        var metadata = resource.Metadata;
        metadata.NamespaceProperty ??= "default";
        metadata.Uid ??= $"local-{metadata.NamespaceProperty}-{metadata.Name}";
        metadata.Generation ??= 1;
    }

    private static void Print(KafkaReconciliation resource, OutputFormat format, TextWriter stdout)
    {
        switch (format)
        {
            case OutputFormat.Json:
                stdout.WriteLine(KubernetesJson.Serialize(resource));
                break;
            case OutputFormat.Yaml:
                stdout.Write(KubernetesYaml.Serialize(resource));
                break;
            default:
                RunSummaryTable.Write(Console(stdout), resource);
                break;
        }
    }

    /// <summary>Redirected output gets a wide, plain console rather than Spectre's 80-column default.</summary>
    public static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (!console.Profile.Out.IsTerminal)
        {
            console.Profile.Width = 140;
        }
        return console;
    }
}
