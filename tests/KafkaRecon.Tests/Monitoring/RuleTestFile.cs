namespace KafkaRecon.Tests.Monitoring;

internal sealed class RuleTestFile
{
    public List<RuleTest> Tests { get; set; } = [];

    public static RuleTestFile Load(string relativePath) =>
        RuleFile.Deserializer.Deserialize<RuleTestFile>(RepositoryFiles.Read(relativePath));
}
