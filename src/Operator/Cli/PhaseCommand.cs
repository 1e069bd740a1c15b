using System.CommandLine;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Composition;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines.Jobs;

namespace KafkaRecon.Operator.Cli;

/// <summary>
/// <c>kafka-recon phase transform</c> (hidden): what a <c>spec.transform.runner: job</c> Job's pod runs. It reads
/// the phase request the operator put in its environment (<see cref="PhaseJobRequest.Variable"/>), runs the embedded
/// transform as the operator would, and writes the result to <c>--result-file</c> (the container's termination
/// message). The request travels in the pod spec, not through the API server, so the pod needs no Kubernetes
/// permissions at all: only its storage. Exit 0 when the phase succeeded, 1 when it failed, 2 for a bad request.
/// </summary>
internal static class PhaseCommand
{
    public static Command Create()
    {
        var resultFile = new Option<string?>("--result-file")
        {
            Description = "Where the phase's result is written as JSON (a Job's termination message file).",
        };
        var awsEndpoint = AwsEndpointOption.Create();
        var transform = new Command("transform", "Run the embedded transform of the request in $" + PhaseJobRequest.Variable + ".")
        {
            resultFile, awsEndpoint,
        };
        transform.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            PhaseContext context;
            try
            {
                context = PhaseJobRequest.Parse(Environment.GetEnvironmentVariable(PhaseJobRequest.Variable) ?? "").ToContext();
            }
            catch (ArgumentException exception)
            {
                await error.WriteLineAsync(exception.Message);
                return ExitCodes.InvalidInput;
            }
            using var aws = new LazyAwsClients(parse.GetValue(awsEndpoint));
            var transformer = EngineComposition.EmbeddedEngines(TimeProvider.System, aws.CreateStore()).Transformer;
            var observation = await TransformAsync(transformer, context, cancellationToken);
            var result = PhaseJobResult.From(observation);
            if (parse.GetValue(resultFile) is { Length: > 0 } file)
            {
                await File.WriteAllTextAsync(file, result.ToMessage(), cancellationToken);
            }
            var writer = result.Succeeded ? output : error;
            await writer.WriteLineAsync(
                $"{context.Resource} transform of run {result.RunId ?? context.RunId}: " +
                (result.Succeeded ? $"succeeded, tables at {observation.OutputLocation}" : $"{result.Failure}: {result.Message}"));
            return result.Succeeded ? ExitCodes.Verified : ExitCodes.Error;
        });
        return Phase(transform);
    }

    private static Command Phase(Command transform) => new("phase", "Run one phase of one run (what a runner: job Job's pod runs).")
    {
        Hidden = true,
        Subcommands = { transform },
    };

    /// <summary>
    /// The transform's observation; what escapes it (storage not configured in the pod, a crash) becomes a failure
    /// too, so the operator reads the cause from the termination message instead of a bare exit code.
    /// </summary>
    private static async Task<PhaseObservation> TransformAsync(
        ITransformer transformer, PhaseContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await transformer.StartAsync(context, cancellationToken);
        }
        catch (AwsConfigurationException exception)
        {
            return PhaseObservation.Failed(PhaseFailure.EngineNotConfigured,
                $"The Job's pod cannot reach storage: {exception.Message} (the pod gets the operator's --job-env and --aws-endpoint)",
                retryable: false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return PhaseObservation.Failed(PhaseFailure.EngineError,
                $"The transform stopped with {exception.GetType().Name}: {exception.Message}");
        }
    }
}
