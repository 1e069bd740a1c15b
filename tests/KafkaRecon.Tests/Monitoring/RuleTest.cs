namespace KafkaRecon.Tests.Monitoring;

internal sealed class RuleTest
{
    public string Name { get; set; } = "";
    public List<AlertRuleTest> AlertRuleTest { get; set; } = [];
}
