using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KafkaRecon.Tests.Monitoring;

/// <summary>The parts of a Prometheus rule file (and of a promtool test file) the tests look at.</summary>
internal sealed class RuleFile
{
    public List<RuleGroup> Groups { get; set; } = [];

    public IEnumerable<Rule> Alerts => Groups.SelectMany(g => g.Rules).Where(r => r.Alert is not null);

    public static RuleFile Load(string relativePath) => Deserializer.Deserialize<RuleFile>(RepositoryFiles.Read(relativePath));

    public static IDeserializer Deserializer { get; } = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();
}
