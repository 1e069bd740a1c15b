using System.CommandLine;
using k8s;
using k8s.Models;
using KafkaRecon.Operator.Engines.Jobs;

namespace KafkaRecon.Operator.Cli;

/// <summary>
/// The <c>operator</c> flags for <c>spec.transform.runner: job</c>. Without <c>--job-image</c> the runner is off and
/// such a phase fails naming the flag.
/// </summary>
internal sealed class JobRunnerOptions
{
    private readonly Option<string?> _image = new("--job-image")
    {
        Description = "Image of runner: job Jobs (the operator's own image); unset: runner: job phases fail.",
    };

    private readonly Option<string> _namespace = new("--job-namespace")
    {
        Description = "Namespace the Jobs run in; default: $POD_NAMESPACE (the operator's), else 'default'.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("POD_NAMESPACE") is { Length: > 0 } ns ? ns : "default",
    };

    private readonly Option<string?> _serviceAccount = new("--job-service-account")
    {
        Description = "ServiceAccount of the Jobs' pods (its storage identity, e.g. IRSA; its token is not mounted); " +
                      "default: $POD_SERVICE_ACCOUNT (the operator's own), else the namespace's default.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("POD_SERVICE_ACCOUNT"),
    };

    private readonly Option<string?> _environment = new("--job-env")
    {
        Description = "JSON list of the Jobs' container env entries (as in a pod spec), e.g. the region and storage credentials by secretKeyRef.",
    };

    private readonly Option<string> _pullPolicy = new("--job-image-pull-policy")
    {
        Description = "imagePullPolicy of the Jobs' container.",
        DefaultValueFactory = _ => "IfNotPresent",
    };

    private readonly Option<TimeSpan> _pollInterval = new("--job-poll-interval")
    {
        Description = "How often a running Job is looked at. Go-style duration such as 15s.",
        DefaultValueFactory = _ => JobRunnerSettings.DefaultPollInterval,
        CustomParser = result => OperatorCommand.ParseDuration(result.Tokens.Single().Value) ?? Invalid(result),
    };

    public JobRunnerOptions()
    {
        _environment.Validators.Add(result =>
        {
            try
            {
                ParseEnvironment(result.GetValueOrDefault<string?>());
            }
            catch (ArgumentException exception)
            {
                result.AddError(exception.Message);
            }
        });
        _pullPolicy.AcceptOnlyFromAmong("Always", "IfNotPresent", "Never");
    }

    public IEnumerable<Option> All => [_image, _namespace, _serviceAccount, _environment, _pullPolicy, _pollInterval];

    /// <summary>The settings, or null when no image was given (the runner is off).</summary>
    public JobRunnerSettings? Settings(ParseResult parse, string? awsEndpoint) =>
        parse.GetValue(_image) is { Length: > 0 } image
            ? new JobRunnerSettings(image, parse.GetValue(_namespace)!)
            {
                ServiceAccount = parse.GetValue(_serviceAccount) is { Length: > 0 } account ? account : null,
                AwsEndpoint = awsEndpoint,
                Environment = ParseEnvironment(parse.GetValue(_environment)),
                ImagePullPolicy = parse.GetValue(_pullPolicy)!,
                PollInterval = parse.GetValue(_pollInterval),
            }
            : null;

    internal static IReadOnlyList<V1EnvVar> ParseEnvironment(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        try
        {
            var entries = KubernetesJson.Deserialize<List<V1EnvVar>>(json) ?? [];
            if (entries.FirstOrDefault(entry => string.IsNullOrWhiteSpace(entry.Name)) is not null)
            {
                throw new ArgumentException("--job-env: every entry needs a name.");
            }
            return entries;
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new ArgumentException($"--job-env is not a JSON list of env entries: {exception.Message}", exception);
        }
    }

    private static TimeSpan Invalid(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError($"--job-poll-interval expects a duration such as 15s; got '{result.Tokens.Single().Value}'.");
        return TimeSpan.Zero;
    }
}
