using System.CommandLine;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Composition;
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
            var observation = await transformer.StartAsync(context, cancellationToken);
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
        return new Command("phase", "Run one phase of one run (what a runner: job Job's pod runs).")
        {
            Hidden = true,
            Subcommands = { transform },
        };
    }
}
