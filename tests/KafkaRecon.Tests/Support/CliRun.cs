using System.CommandLine;
using KafkaRecon.Operator.Cli;

namespace KafkaRecon.Tests.Support;

/// <summary>Runs the real <c>kafka-recon</c> command line in-process and captures what it prints.</summary>
internal static class CliRun
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApplication.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
