using System.CommandLine;
using System.Reflection;

namespace KafkaRecon.Operator.Cli;

internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the kafka-recon version.");
        command.SetAction(parse =>
        {
            var version = typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            parse.InvocationConfiguration.Output.WriteLine(version);
            return ExitCodes.Verified;
        });
        return command;
    }
}
