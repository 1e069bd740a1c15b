namespace KafkaRecon.Tests.Monitoring;

internal sealed class RuleGroup
{
    public string Name { get; set; } = "";
    public List<Rule> Rules { get; set; } = [];
}
