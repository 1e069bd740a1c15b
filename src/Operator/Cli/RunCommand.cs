using System.CommandLine;
using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Entities.Validation;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Cli;

/// <summary>
/// <c>kafka-recon run -f FILE</c>: drives one reconciliation to completion in this process and prints the result;
/// <c>--demo</c> first generates sample data with a known answer and checks the result against it.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var file = new Option<FileInfo?>("--file", "-f") { Description = "KafkaReconciliation resource (YAML or JSON)." };
        var demo = new Option<bool>("--demo")
        {
            Description = "Generate sample manifests with a known answer, reconcile them, and check the answer.",
        };
        var demoDir = new Option<string>("--demo-dir")
        {
            Description = "Folder for the demo's sample data and output (replaced on each demo run; a folder the demo " +
                          "did not create is refused unless --force).",
            DefaultValueFactory = _ => "demo",
        };
        var force = new Option<bool>("--force")
        {
            Description = "With --demo: replace the import, export and output folders of a --demo-dir the demo did not create.",
        };
        var records = new Option<long>("--records")
        {
            Description = "Records per side generated for the demo.", DefaultValueFactory = _ => 200_000,
        };
        var output = new Option<OutputFormat>("--output", "-o")
        {
            Description = "How to print the finished resource on stdout: text (a summary table), json or yaml.",
            DefaultValueFactory = _ => OutputFormat.Text,
        };
        var metricsPort = new Option<int?>("--metrics-port")
        {
            Description = "Serve Prometheus metrics on 127.0.0.1:PORT/metrics while running (0 picks a free port).",
        };
        var linger = new Option<TimeSpan>("--metrics-linger")
        {
            Description = "Keep serving metrics this long after the run finishes (so a scraper sees the result).",
            DefaultValueFactory = _ => TimeSpan.Zero,
        };
        var webhookFile = new Option<string?>("--slack-webhook-file")
        {
            Description = "File holding the Slack webhook URL (default: env KAFKA_RECON_SLACK_WEBHOOK).",
        };
        var successWebhookFile = new Option<string?>("--slack-success-webhook-file")
        {
            Description = "File holding the Slack webhook URL for verified runs (default: env KAFKA_RECON_SLACK_SUCCESS_WEBHOOK, else the shared webhook).",
        };
        var failureWebhookFile = new Option<string?>("--slack-failure-webhook-file")
        {
            Description = "File holding the Slack webhook URL for failed runs (default: env KAFKA_RECON_SLACK_FAILURE_WEBHOOK, else the shared webhook).",
        };
        var awsEndpoint = AwsEndpointOption.Create();
        var stateFile = new Option<string?>("--state-file")
        {
            Description = "Keep the run's status in FILE and resume from it: a killed run started again with the same " +
                          "FILE continues where it stopped and submits no work twice.",
        };
        var pollInterval = new Option<TimeSpan?>("--poll-interval")
        {
            Description = "Longest wait between polls (for tests against emulators such as moto); default: the engines' own intervals.",
            Hidden = true,
        };
        var command = new Command("run", "Drive one reconciliation to completion in-process and print the result.")
        {
            file, demo, demoDir, force, records, output, metricsPort, linger, webhookFile, successWebhookFile,
            failureWebhookFile, awsEndpoint, stateFile, pollInterval,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(file) is null == !result.GetValue(demo))
            {
                result.AddError("Give exactly one of --file FILE or --demo.");
            }
        });
        pollInterval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<TimeSpan?>() is { } interval && interval <= TimeSpan.Zero)
            {
                result.AddError($"--poll-interval {interval}: expected a positive duration such as 00:00:00.2.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new LocalRunOptions(
                parse.GetValue(output), parse.GetValue(metricsPort), parse.GetValue(linger), parse.GetValue(webhookFile),
                parse.GetValue(awsEndpoint), parse.GetValue(stateFile), parse.GetValue(pollInterval))
            {
                SlackSuccessWebhookFile = parse.GetValue(successWebhookFile),
                SlackFailureWebhookFile = parse.GetValue(failureWebhookFile),
            };
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                if (parse.GetValue(demo))
                {
                    return await DemoRun.ExecuteAsync(
                        parse.GetValue(demoDir)!, parse.GetValue(records), parse.GetValue(force), options, stdout, stderr, cancellationToken);
                }
                var resource = ResourceFile.Load(parse.GetValue(file)!.FullName);
                var finished = await LocalRunner.ExecuteAsync(resource, options, stdout, stderr, cancellationToken);
                return RunExitCode.For(finished.Status);
            }
            catch (InvalidResourceException e)
            {
                await stderr.WriteLineAsync(e.Message);
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }
}

/// <param name="StateFile">Where the status is kept and resumed from (<c>--state-file</c>); null: in memory only.</param>
/// <param name="PollInterval">Longest wait between polls (<c>--poll-interval</c>, for emulators); null: the engines' own.</param>
internal sealed record LocalRunOptions(
    OutputFormat Output, int? MetricsPort, TimeSpan MetricsLinger, string? SlackWebhookFile, string? AwsEndpoint = null,
    string? StateFile = null, TimeSpan? PollInterval = null)
{
    /// <summary><c>--slack-success-webhook-file</c>: the URL for verified runs; null: env, else the shared webhook.</summary>
    public string? SlackSuccessWebhookFile { get; init; }

    /// <summary><c>--slack-failure-webhook-file</c>: the URL for failed runs; null: env, else the shared webhook.</summary>
    public string? SlackFailureWebhookFile { get; init; }
}
