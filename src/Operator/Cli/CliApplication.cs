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

    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = BuildRoot().Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration
        {
            EnableDefaultExceptionHandler = false,
            // SIGTERM cancels the command's token; the operator then drains in-flight work within its grace period.
            ProcessTerminationTimeout = TimeSpan.FromMinutes(2),
        });
    }

    private static IEnumerable<Command> Commands()
    {
        // One line per command; each command lives in its own file in this folder.
        yield return VersionCommand.Create();
        yield return CoalesceCommand.Create();
        yield return GenerateCommand.Create();
        yield return CrdCommand.Create();
        yield return RunCommand.Create();
        yield return CreateCommand.Create(TimeProvider.System);
        yield return OperatorCommand.Create();
    }
}
