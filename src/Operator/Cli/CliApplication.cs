using System.CommandLine;

namespace KafkaRecon.Operator.Cli;

/// <summary>The one binary, <c>kafka-recon</c>, and its commands.</summary>
internal static class CliApplication
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("kafka-recon: prove that a Kafka pipeline lost nothing.");
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    public static Task<int> RunAsync(string[] args) => InvokeAsync(args, new InvocationConfiguration
    {
        EnableDefaultExceptionHandler = false,
        // SIGTERM cancels the command's token; the operator then drains in-flight work within its grace period.
        ProcessTerminationTimeout = TimeSpan.FromMinutes(2),
    });

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A command line that does not parse (unknown option, a value of the
    /// wrong type) is bad input like a bad resource: its errors are printed and the exit code is 2, not
    /// System.CommandLine's default 1, which this binary keeps for failures while running.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, InvocationConfiguration configuration)
    {
        var parsed = BuildRoot().Parse(args);
        if (parsed.Errors.Count == 0)
        {
            return await parsed.InvokeAsync(configuration);
        }
        var error = configuration.Error ?? Console.Error;
        foreach (var problem in parsed.Errors)
        {
            await error.WriteLineAsync(problem.Message);
        }
        var command = parsed.CommandResult.Command is RootCommand
            ? "kafka-recon"
            : "kafka-recon " + parsed.CommandResult.Command.Name;
        await error.WriteLineAsync($"See '{command} --help'.");
        return ExitCodes.InvalidInput;
    }

    private static IEnumerable<Command> Commands()
    {
        // One line per command; each command lives in its own file in this folder.
        yield return VersionCommand.Create();
        yield return CoalesceCommand.Create();
        yield return GenerateCommand.Create();
        yield return CrdCommand.Create();
        yield return RunCommand.Create();
        yield return ResultsCommand.Create();
        yield return CreateCommand.Create(TimeProvider.System);
        yield return OperatorCommand.Create();
        yield return PhaseCommand.Create();
    }
}
