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

internal sealed class RuleGroup
{
    public string Name { get; set; } = "";
    public List<Rule> Rules { get; set; } = [];
}

internal sealed class Rule
{
    public string? Alert { get; set; }
    public string? Record { get; set; }
    public string Expr { get; set; } = "";
    public Dictionary<string, string> Labels { get; set; } = [];
    public Dictionary<string, string> Annotations { get; set; } = [];
}

internal sealed class RuleTestFile
{
    public List<RuleTest> Tests { get; set; } = [];

    public static RuleTestFile Load(string relativePath) =>
        RuleFile.Deserializer.Deserialize<RuleTestFile>(RepositoryFiles.Read(relativePath));
}

internal sealed class RuleTest
{
    public string Name { get; set; } = "";
    public List<AlertRuleTest> AlertRuleTest { get; set; } = [];
}

internal sealed class AlertRuleTest
{
    public string Alertname { get; set; } = "";
    public List<Dictionary<string, object>> ExpAlerts { get; set; } = [];
}
