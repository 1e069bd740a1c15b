using System.CommandLine;
using KafkaRecon.Entities.Crd;
using KafkaRecon.Operator.Cli;

namespace KafkaRecon.Tests.Crd;

public sealed class CrdCommandTests
{
    [Fact]
    public async Task Crd_command_prints_the_generated_crd()
    {
        var output = new StringWriter();
        var exit = await CliApplication.BuildRoot().Parse(["crd"]).InvokeAsync(new InvocationConfiguration { Output = output });
        Assert.Equal(0, exit);
        Assert.Equal(CrdYaml.ForKafkaReconciliation(), output.ToString());
        var document = YamlJson.ReadAll(output.ToString()).Single();
        Assert.Equal("CustomResourceDefinition", document!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Crd_command_writes_every_output_file()
    {
        var folder = Directory.CreateTempSubdirectory("kafka-recon-crd-");
        try
        {
            var first = Path.Combine(folder.FullName, "a", "crd.yaml");
            var second = Path.Combine(folder.FullName, "b", "crd.yaml");
            var exit = await CliApplication.BuildRoot().Parse(["crd", "--output", first, "-o", second])
                .InvokeAsync(new InvocationConfiguration { Output = new StringWriter() });
            Assert.Equal(0, exit);
            Assert.Equal(CrdYaml.ForKafkaReconciliation(), await File.ReadAllTextAsync(first));
            Assert.Equal(CrdYaml.ForKafkaReconciliation(), await File.ReadAllTextAsync(second));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
