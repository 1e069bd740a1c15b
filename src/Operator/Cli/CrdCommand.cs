using System.CommandLine;
using KafkaRecon.Entities.Crd;

namespace KafkaRecon.Operator.Cli;

/// <summary><c>kafka-recon crd</c>: print (or write) the CustomResourceDefinition generated from the C# types, or its reference.</summary>
internal static class CrdCommand
{
    public static Command Create()
    {
        var output = new Option<FileInfo[]>("--output", "-o")
        {
            Description = "Write the CRD to these files instead of standard output (repeatable).",
        };
        var reference = new Option<bool>("--reference")
        {
            Description = "Print the resource reference (Markdown, from the same schema) instead of the CRD YAML.",
        };
        var command = new Command("crd", "Print the KafkaReconciliation CustomResourceDefinition as YAML.") { output, reference };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var yaml = parse.GetValue(reference) ? CrdReference.ForKafkaReconciliation() : CrdYaml.ForKafkaReconciliation();
            var files = parse.GetValue(output) ?? [];
            if (files.Length == 0)
            {
                await parse.InvocationConfiguration.Output.WriteAsync(yaml);
                return ExitCodes.Verified;
            }
            foreach (var file in files)
            {
                file.Directory?.Create();
                await File.WriteAllTextAsync(file.FullName, yaml, cancellationToken);
                await parse.InvocationConfiguration.Output.WriteLineAsync($"wrote {file.FullName}");
            }
            return ExitCodes.Verified;
        });
        return command;
    }
}
