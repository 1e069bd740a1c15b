using KafkaRecon.Entities.Crd;

namespace KafkaRecon.Tests.Crd;

public sealed class CrdDriftTests
{
    [Theory]
    [InlineData("config/crds/kafkarecon.io_kafkareconciliations.yaml")]
    [InlineData("charts/kafka-recon/crds/kafkarecon.io_kafkareconciliations.yaml")]
    public void Committed_crd_is_exactly_what_the_types_generate(string relativePath)
    {
        var committed = RepositoryRoot.ReadText(relativePath).Replace("\r\n", "\n", StringComparison.Ordinal);
        var generated = CrdYaml.ForKafkaReconciliation();
        Assert.True(committed == generated,
            $"{relativePath} drifted from the C# types in src/Entities. Regenerate it from the repository root with:\n"
            + $"  {CrdYaml.RegenerateCommand}\n"
            + $"First difference at line {FirstDifferentLine(committed, generated)}.");
    }

    [Fact]
    public void Committed_resource_reference_is_exactly_what_the_types_generate()
    {
        const string relativePath = "docs/reference/kafkareconciliation.md";
        var committed = RepositoryRoot.ReadText(relativePath).Replace("\r\n", "\n", StringComparison.Ordinal);
        var generated = CrdReference.ForKafkaReconciliation();
        Assert.True(committed == generated,
            $"{relativePath} drifted from the C# types in src/Entities. Regenerate it from the repository root with:\n"
            + $"  {CrdReference.RegenerateCommand}\n"
            + $"First difference at line {FirstDifferentLine(committed, generated)}.");
    }

    private static int FirstDifferentLine(string left, string right)
    {
        var a = left.Split('\n');
        var b = right.Split('\n');
        var index = 0;
        while (index < a.Length && index < b.Length && a[index] == b[index]) { index++; }
        return index + 1;
    }
}
