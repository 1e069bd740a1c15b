using System.CommandLine;
using System.Globalization;
using k8s;
using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Operator.Scheduling;

namespace KafkaRecon.Operator.Cli;

/// <summary><c>kafka-recon create</c>: what the nightly CronJob runs; creates the window's resource idempotently.</summary>
internal static class CreateCommand
{
    public static Command Create(TimeProvider time)
    {
        var template = new Option<string?>("--template") { HelpName = "FILE", Description = "KafkaReconciliation YAML file used as the template." };
        var templateConfigMap = new Option<string?>("--template-configmap")
        {
            HelpName = "NAME",
            Description = "ConfigMap in the target namespace holding the template (instead of --template).",
        };
        var templateKey = new Option<string>("--template-key")
        {
            HelpName = "KEY",
            Description = "Key of the template in --template-configmap.",
            DefaultValueFactory = _ => TemplateSource.DefaultConfigMapKey,
        };
        var @namespace = new Option<string?>("--namespace", "-n")
        {
            HelpName = "NAMESPACE",
            Description = "Namespace to create in; defaults to the kubeconfig's or the pod's namespace, else 'default'.",
        };
        var prefix = new Option<string>("--prefix")
        {
            HelpName = "PREFIX",
            Description = "Resource name prefix; the name is <prefix>-<yyyymmdd> (a DNS-1123 label).",
            DefaultValueFactory = _ => "nightly",
        };
        var scheduleName = new Option<string?>("--schedule-name")
        {
            HelpName = "NAME",
            Description = "Value of the kafkarecon.io/schedule label that groups this schedule's resources; defaults to the prefix.",
        };
        var date = new Option<string?>("--date") { HelpName = "yyyy-MM-dd", Description = "Reconcile this UTC day (yyyy-MM-dd) instead of yesterday." };
        var start = new Option<string?>("--start") { HelpName = "RFC3339", Description = "Window start, RFC 3339 (e.g. 2026-11-25T00:00:00Z)." };
        var end = new Option<string?>("--end") { HelpName = "RFC3339", Description = "Window end (exclusive), RFC 3339; defaults to start + 1 day." };
        var policy = new Option<ConcurrencyPolicy>("--concurrency-policy")
        {
            Description = "Forbid: do not create while a resource of this schedule is unfinished. Allow: always create.",
            DefaultValueFactory = _ => ConcurrencyPolicy.Forbid,
        };
        var successfulHistory = new Option<int>("--successful-history")
        {
            HelpName = "N",
            Description = "Succeeded resources of this schedule to keep; older ones are deleted.",
            DefaultValueFactory = _ => 3,
        };
        var failedHistory = new Option<int>("--failed-history")
        {
            HelpName = "M",
            Description = "Failed or cancelled resources of this schedule to keep; older ones are deleted.",
            DefaultValueFactory = _ => 1,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the resource and the deletions; change nothing." };
        var kubeconfig = new Option<string?>("--kubeconfig") { HelpName = "FILE", Description = "Path of the kubeconfig file." };
        var context = new Option<string?>("--context") { HelpName = "NAME", Description = "Kubeconfig context to use." };
        var server = new Option<string?>("--server") { HelpName = "URL", Description = "API server URL, overriding the kubeconfig." };

        var command = new Command("create", "Create the KafkaReconciliation of a window from a template (idempotent; for the nightly CronJob).")
        {
            template, templateConfigMap, templateKey, @namespace, prefix, scheduleName, date, start, end, policy,
            successfulHistory, failedHistory, dryRun, kubeconfig, context, server,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var source = Source(parse.GetValue(template), parse.GetValue(templateConfigMap), parse.GetValue(templateKey)!);
                var config = KubernetesConnection.Configure(parse.GetValue(kubeconfig), parse.GetValue(context), parse.GetValue(server));
                var prefixValue = parse.GetValue(prefix)!;
                var request = new ScheduleRequest(
                    parse.GetValue(@namespace) ?? config.Namespace ?? "default",
                    prefixValue,
                    parse.GetValue(scheduleName) ?? prefixValue,
                    new WindowRequest(ParseDate(parse.GetValue(date)), ParseTime("--start", parse.GetValue(start)), ParseTime("--end", parse.GetValue(end))),
                    parse.GetValue(policy),
                    new HistoryLimits(parse.GetValue(successfulHistory), parse.GetValue(failedHistory)));
                using var client = new k8s.Kubernetes(config);
                await new ScheduledCreation(new KubernetesResourceStore(client), new TemplateConfigMaps(client), time, output)
                    .RunAsync(request, source, parse.GetValue(dryRun), ct);
                return ExitCodes.Verified;
            }
            catch (Exception e) when (e is ScheduleInputException or KubernetesConnectionException)
            {
                await error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.InvalidInput;
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException or System.Text.Json.JsonException
                                           or k8s.Exceptions.KubeConfigException)
            {
                await error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.Error;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                await error.WriteLineAsync("error: the Kubernetes API server did not answer in time.");
                return ExitCodes.Error;
            }
        });
        return command;
    }

    private static TemplateSource Source(string? file, string? configMap, string key) => (file, configMap) switch
    {
        (null, null) => throw new ScheduleInputException("Give the resource template with --template FILE or --template-configmap NAME."),
        (not null, not null) => throw new ScheduleInputException("Give either --template or --template-configmap, not both."),
        _ => new TemplateSource(file, configMap, key),
    };

    private static DateOnly? ParseDate(string? text)
    {
        if (text is null)
        {
            return null;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ScheduleInputException($"--date '{text}' is not a date in the form yyyy-MM-dd (for example 2026-11-25).");
    }

    private static DateTimeOffset? ParseTime(string flag, string? text)
    {
        if (text is null)
        {
            return null;
        }
        return Rfc3339.TryParse(text, out var value)
            ? value
            : throw new ScheduleInputException($"{flag} '{text}' is not an RFC 3339 time with an offset (for example 2026-11-25T00:00:00Z).");
    }
}
